/**
 * The Debian security tracker importer: DSA and DLA `list` text files, and the tracker's JSON export.
 */
import type { FeedImporter } from '../../records.ts';
import { parseDebianList } from './parse.ts';
import { parseTrackerJson } from './tracker-json.ts';

/** A list opens with an advisory header: `[29 Mar 2023] DSA-5380-1 xorg-server - security update`. */
const LIST_HEAD = /^\s*\[\d{1,2} [A-Z][a-z]{2} \d{4}\] D[SL]A-\d/;
/** The export opens with a source package and its first CVE or TEMP id: `{"0ad":{"CVE-2020-24614":{`. */
const JSON_HEAD = /^\s*\{\s*"[^"]+"\s*:\s*\{\s*"(?:CVE|TEMP)-/;

/** Debian DSA/DLA lists and tracker JSON → OSV records (`Debian:<n>` ecosystems, source package names). */
export const debianTrackerImporter = {
  feed: 'debian-security-tracker',
  detect: (_name, head) => LIST_HEAD.test(head) || JSON_HEAD.test(head),
  parse: (_name, content) => {
    const text = new TextDecoder().decode(content);
    return text.trimStart().startsWith('{') ? parseTrackerJson(text) : parseDebianList(text);
  },
} satisfies FeedImporter;
