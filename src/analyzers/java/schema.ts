/** Validation of Java inputs at the boundary: pom.properties coordinates and the parts of a pom.xml that are read. */
import { z } from 'zod';

const text = z.string().trim().min(1);
/** XML text nodes: fast-xml-parser gives strings (tag values are not parsed), or '' for empty elements. */
const optionalText = z.string().trim().optional();

/** The coordinates in a `META-INF/maven/**\/pom.properties` file. */
export const pomPropertiesSchema = z.object({ groupId: text, artifactId: text, version: text });

/** One `<dependency>` of a pom.xml. */
export const pomDependencySchema = z.object({
  groupId: optionalText,
  artifactId: optionalText,
  version: optionalText,
  scope: optionalText,
});

/** The parts of a pom.xml `<project>` that are read (https://maven.apache.org/pom.html). */
export const pomXmlSchema = z.object({
  project: z.object({
    groupId: optionalText,
    artifactId: optionalText,
    version: optionalText,
    parent: z.object({ groupId: optionalText, artifactId: optionalText, version: optionalText }).optional(),
    properties: z.record(z.string(), z.unknown()).or(z.literal('')).optional(),
    dependencies: z
      .object({ dependency: z.array(z.unknown()).optional() })
      .or(z.literal(''))
      .optional(),
  }),
});

/** A validated pom.xml dependency. */
export type PomDependency = z.infer<typeof pomDependencySchema>;
/** A validated pom.xml. */
export type PomXml = z.infer<typeof pomXmlSchema>;
