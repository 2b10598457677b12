/**
 * @module control/faults
 * `GET /_emulator/faults` → `{"rules":[…]}` in evaluation order; `POST` appends one rule, an
 * array, or `{"rules":[…]}` → 201 with the added rules and their IDs; `DELETE` → 204 removes all,
 * `DELETE /_emulator/faults/{id}` one. Rules: testbed/faults.ts (first match wins; probability,
 * latency_ms, times; `"action":"drop"` closes the connection without an answer).
 */
import { z } from 'zod';
import { IamError } from '../domain/errors.js';
import { json, noContent, type ControlRoute } from '../http/api.js';
import type { FaultRuleInput } from '../testbed/faults.js';
import { readJson, validate } from '../http/validation.js';
import { invalid } from './params.js';
import type { FaultsView } from './wire.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

const ruleSchema = z
  .strictObject({
    match: z
      .strictObject({
        method: z
          .string()
          .refine((m) => METHODS.includes(m.toUpperCase()), `must be one of ${METHODS.join(', ')}`)
          .optional(),
        path: z
          .string()
          .startsWith('/', 'must start with "/" (glob: * within a segment, ** across)')
          .max(1000, 'must be at most 1000 characters')
          .refine(
            (p) => !p.startsWith('/_emulator'),
            'must not target /_emulator (the control plane is never faulted)',
          )
          .optional(),
        operation: z.string().min(1).max(100).optional(),
      })
      .optional(),
    status: z.number().int().min(400, 'must be 400-599').max(599, 'must be 400-599').optional(),
    error_code: z.string().min(1).max(64).optional(),
    error_msg: z.string().max(2000).optional(),
    probability: z.number().min(0, 'must be 0-1').max(1, 'must be 0-1').optional(),
    latency_ms: z
      .number()
      .int()
      .min(0, 'must be 0-60000')
      .max(60_000, 'must be 0-60000')
      .optional(),
    times: z.number().int().min(1, 'must be 1 or more').optional(),
    action: z.enum(['respond', 'drop']).optional(),
  })
  .refine(
    (r) => r.status !== undefined || (r.error_code === undefined && r.error_msg === undefined),
    {
      message: 'error_code and error_msg need a status',
      path: ['status'],
    },
  )
  .refine((r) => r.status !== undefined || r.action === 'drop' || (r.latency_ms ?? 0) > 0, {
    message: 'does nothing: give status, "action": "drop", or latency_ms',
    path: ['status'],
  });

/** Rules active at once; one POST can add them all. */
export const MAX_FAULT_RULES = 100;

const listSchema = z
  .array(ruleSchema)
  .min(1, 'must hold at least one rule')
  .max(MAX_FAULT_RULES, `must hold at most ${MAX_FAULT_RULES} rules`);
const wrappedSchema = z.strictObject({ rules: listSchema });

/** One rule, an array of rules, or `{"rules": [...]}`. */
function rulesOf(body: unknown): FaultRuleInput[] {
  if (Array.isArray(body)) {
    if (body.length === 0) throw invalid('rules', 'must hold at least one rule.');
    return validate(listSchema, body, 'control');
  }
  if (typeof body === 'object' && body !== null && 'rules' in body)
    return validate(wrappedSchema, body, 'control').rules;
  return [validate(ruleSchema, body, 'control')];
}

export const faultRoutes: ControlRoute[] = [
  {
    method: 'GET',
    path: '/_emulator/faults',
    operation: 'emulatorListFaults',
    family: 'control',
    auth: 'none',
    control: true,
    handler: (_req, ctx) => json(200, { rules: ctx.rt.faults.list() } satisfies FaultsView),
  },
  {
    method: 'POST',
    path: '/_emulator/faults',
    operation: 'emulatorAddFaults',
    family: 'control',
    auth: 'none',
    control: true,
    handler(req, ctx) {
      const rules = rulesOf(readJson(req, 'control'));
      // Every rule is tried on every Huawei request: a bound on their number bounds that work.
      if (ctx.rt.faults.size + rules.length > MAX_FAULT_RULES) {
        throw invalid(
          'rules',
          `at most ${MAX_FAULT_RULES} rules may be active at once (${ctx.rt.faults.size} are); remove some first (DELETE /_emulator/faults/{id}).`,
        );
      }
      const added = ctx.rt.faults.add(rules);
      ctx.note({ faults: added.map((r) => r.id) });
      return json(201, { rules: added } satisfies FaultsView);
    },
  },
  {
    method: 'DELETE',
    path: '/_emulator/faults',
    operation: 'emulatorClearFaults',
    family: 'control',
    auth: 'none',
    control: true,
    handler(_req, ctx) {
      ctx.rt.faults.clear();
      return noContent();
    },
  },
  {
    method: 'DELETE',
    path: '/_emulator/faults/:id',
    operation: 'emulatorDeleteFault',
    family: 'control',
    auth: 'none',
    control: true,
    handler(_req, ctx) {
      const id = ctx.params.id ?? '';
      if (!ctx.rt.faults.remove(id))
        throw new IamError('CONTROL_NOT_FOUND', {
          detail: `There is no fault rule ${id.slice(0, 40)}; GET /_emulator/faults lists them.`,
        });
      return noContent();
    },
  },
];
