/**
 * Validation of the OCI / Docker image config at the boundary. Fields are optional because real images omit many;
 * unknown fields are kept out of the typed view.
 * Spec: https://github.com/opencontainers/image-spec/blob/main/config.md
 */
import { z } from 'zod';

const stringMap = z.record(z.string(), z.string()).nullish();
const stringList = z.array(z.string()).nullish();

/** The runtime part of an image config (`config` in OCI, `config`/`container_config` in Docker). */
export const runtimeConfigSchema = z
  .object({
    User: z.string().nullish(),
    Env: stringList,
    Entrypoint: stringList,
    Cmd: stringList,
    WorkingDir: z.string().nullish(),
    Labels: stringMap,
    ExposedPorts: z.record(z.string(), z.unknown()).nullish(),
    Volumes: z.record(z.string(), z.unknown()).nullish(),
    StopSignal: z.string().nullish(),
  })
  .loose();

/** The image config blob. */
export const imageConfigSchema = z
  .object({
    created: z.string().nullish(),
    author: z.string().nullish(),
    architecture: z.string().nullish(),
    os: z.string().nullish(),
    variant: z.string().nullish(),
    config: runtimeConfigSchema.nullish(),
    rootfs: z
      .object({ type: z.string().nullish(), diff_ids: z.array(z.string()).nullish() })
      .loose()
      .nullish(),
    history: z
      .array(
        z
          .object({
            created: z.string().nullish(),
            created_by: z.string().nullish(),
            author: z.string().nullish(),
            comment: z.string().nullish(),
            empty_layer: z.boolean().nullish(),
          })
          .loose(),
      )
      .nullish(),
  })
  .loose();

/** A validated image config. */
export type ImageConfig = z.infer<typeof imageConfigSchema>;
