import type { z } from 'zod';

/** All problems of a failed parse in one line: `permissions.0: Invalid option; mode: …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'body'}: ${i.message}`).join('; ');
}
