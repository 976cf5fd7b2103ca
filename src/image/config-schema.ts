/**
 * Validation of the OCI / Docker image config at the boundary. Fields are optional because real images omit many;
 * unknown fields are kept out of the typed view.
 * Spec: https://github.com/opencontainers/image-spec/blob/main/config.md
 */
// The v3 API that zod 4 still ships: it loads 10 modules where zod 4 loads 95 (about 50 ms of CPU at start-up), and
// this schema is read on every image's path.
import { z } from 'zod/v3';

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
  .passthrough();

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
      .passthrough()
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
          .passthrough(),
      )
      .nullish(),
  })
  .passthrough();

/** A validated image config. */
export type ImageConfig = z.infer<typeof imageConfigSchema>;
