/**
 * Tells zod never to compile code. Left to itself, zod probes `new Function` when it builds its
 * first object schema, and under the window's Content-Security-Policy (script-src 'self') that
 * probe is reported as a violation even though zod catches the refusal. schema.ts imports this
 * module before anything else, so the setting is in place before any schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });
