import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CreateTaskRequestInput } from '../../src/request';

/** A fresh copy of the documented example request (emulator demo ids), for tests to vary. */
export function exampleRequest(): CreateTaskRequestInput {
  const file = path.join(__dirname, '..', '..', 'examples', 'fine-tune-request.json');
  return JSON.parse(readFileSync(file, 'utf8')) as CreateTaskRequestInput;
}
