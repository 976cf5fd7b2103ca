/**
 * Where the cluster is and who we are in it: a kubeconfig file (`--kubeconfig`, else `$KUBECONFIG`, else
 * `~/.kube/config`) with an optional `--context`, or the in-cluster service account when running in a pod. Unlike
 * client-node's `loadFromDefault`, nothing found is an error, never a silent `http://localhost:8080`.
 */
import { existsSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { LucentError } from '../../core/errors.ts';

/** How to find the cluster. */
export interface KubeConfigOptions {
  kubeconfig?: string | undefined;
  context?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Prefix of `/var/run/secrets/kubernetes.io/serviceaccount` (tests point it at a temp dir). */
  inClusterRoot?: string;
}

/** The service account files a pod gets (token, ca.crt, namespace). */
const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
const SERVICE_ACCOUNT_TOKEN = `${SERVICE_ACCOUNT_DIR}/token`;

/** Loads the configuration and selects the context. */
export function loadKubeConfig(options: KubeConfigOptions = {}): { config: KubeConfig; source: string } {
  const env = options.env ?? process.env;
  const config = new KubeConfig();
  const fromFiles = options.kubeconfig ?? env.KUBECONFIG;
  const homeConfig = join(env.HOME || homedir(), '.kube', 'config');
  let source: string;
  try {
    if (fromFiles) {
      const files = fromFiles.split(':').filter(Boolean);
      for (const file of files) {
        if (!existsSync(file)) throw new LucentError('E_KUBE_CONFIG', `the kubeconfig file ${file} does not exist`);
      }
      if (files.length === 1) config.loadFromFile(files[0] as string);
      else config.loadFromDefault({}, false);
      source = `kubeconfig ${files.join(':')}`;
    } else if (existsSync(homeConfig)) {
      config.loadFromFile(homeConfig);
      source = `kubeconfig ${homeConfig}`;
    } else if (env.KUBERNETES_SERVICE_HOST && existsSync(`${options.inClusterRoot ?? ''}${SERVICE_ACCOUNT_TOKEN}`)) {
      loadInCluster(config, env, options.inClusterRoot ?? '');
      source = 'in-cluster service account';
    } else {
      throw new LucentError('E_KUBE_CONFIG', 'no Kubernetes configuration found', {
        hint: 'give --kubeconfig FILE, set KUBECONFIG, create ~/.kube/config, or run inside a pod with a service account',
      });
    }
  } catch (error) {
    if (error instanceof LucentError) throw error;
    throw new LucentError('E_KUBE_CONFIG', `cannot read the Kubernetes configuration: ${(error as Error).message}`, {
      hint: 'check the kubeconfig file (kubectl config view)',
      cause: error,
    });
  }
  if (options.context) {
    if (!config.getContextObject(options.context)) {
      const known = config.getContexts().map((context) => context.name);
      throw new LucentError('E_KUBE_CONFIG', `the context "${options.context}" is not in the ${source}`, {
        hint: known.length > 0 ? `known contexts: ${known.join(', ')}` : 'the configuration has no contexts',
      });
    }
    config.setCurrentContext(options.context);
  }
  const cluster = config.getCurrentCluster();
  if (!cluster) {
    throw new LucentError('E_KUBE_CONFIG', `the ${source} has no cluster for its current context`, {
      hint: 'give --context NAME, or set current-context in the kubeconfig',
    });
  }
  return { config, source: `${source}, context ${config.getCurrentContext()}` };
}

/**
 * The in-cluster configuration, as client-node's `loadFromCluster` builds it but from `env` rather than
 * `process.env`. The token is re-read from its file (kubelet rotates projected tokens).
 */
function loadInCluster(config: KubeConfig, env: NodeJS.ProcessEnv, root: string): void {
  const host = env.KUBERNETES_SERVICE_HOST ?? '';
  const port = env.KUBERNETES_SERVICE_PORT ?? '443';
  const server = `https://${isIPv6(host) ? `[${host}]` : host}:${port}`;
  config.loadFromOptions({
    clusters: [{ name: 'inCluster', server, caFile: `${root}${SERVICE_ACCOUNT_DIR}/ca.crt`, skipTLSVerify: false }],
    users: [
      {
        name: 'inClusterUser',
        authProvider: { name: 'tokenFile', config: { tokenFile: `${root}${SERVICE_ACCOUNT_TOKEN}` } },
      },
    ],
    contexts: [{ name: 'inClusterContext', cluster: 'inCluster', user: 'inClusterUser' }],
    currentContext: 'inClusterContext',
  });
}
