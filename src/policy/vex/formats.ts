/** The VEX formats `--vex` reads, as an explicit list: the first whose `detect` accepts a document parses it. */
import { cycloneDxVexFormat } from './cyclonedx/format.ts';
import { openVexFormat } from './openvex/format.ts';
import type { VexFormat } from './vex-format.ts';

/** Every VEX format, in detection order. */
export const VEX_FORMATS = [openVexFormat, cycloneDxVexFormat] as const satisfies readonly VexFormat[];
