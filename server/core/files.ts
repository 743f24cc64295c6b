/**
 * Where the server's own data files are (server/migrations/, server/core/common-passwords.txt).
 *
 * This module runs either from source (server/core/files.ts, under tsx or vitest) or bundled
 * into server/dist/*.js (`npm start` builds and runs server/dist/main.js). Both are exactly
 * one folder below server/, so the folder above this module's own is server/ in both cases.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
