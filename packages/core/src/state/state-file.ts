import { z } from 'zod';
import { FlowCategorySchema } from '../model/flow.js';
import { TemplateDraftSchema } from '../model/inputs/template-draft.js';

/*
 * The desired state of an account's templates and flows, as a file (YAML or JSON) that a team
 * keeps under version control: `wabsp plan -f whatsapp.yaml`, `wabsp apply -f whatsapp.yaml`.
 * Vendor-neutral: no vendor id, no status a vendor assigns, nothing that differs between the
 * vendors an account may move between.
 */

/** The file format's version; a file of another version is refused rather than misread. */
export const STATE_FILE_VERSION = 1;

/**
 * The status a flow is wanted in. Only what a write can bring about: `DRAFT` (editable, not
 * sendable), `PUBLISHED` (sendable; an edit sends it back to DRAFT until it is published again),
 * `DEPRECATED` (retired for good). Meta's `BLOCKED` and `THROTTLED` are a published flow's
 * health, not a wish: a flow read in either is `PUBLISHED` here.
 */
export const FLOW_DRAFT_STATUSES = ['DRAFT', 'PUBLISHED', 'DEPRECATED'] as const;
export type FlowDraftStatus = (typeof FLOW_DRAFT_STATUSES)[number];

/**
 * A flow as the state file describes it. `name` is its identity (Meta keeps flow names unique
 * per WhatsApp Business Account); the vendor's id is not part of it, since it differs between
 * vendors.
 */
export const FlowDraftSchema = z.lazy(() =>
  z.object({
    name: z.string().describe("The flow's name: its identity, unique per WhatsApp Business Account."),
    /** Meta's flow categories; at least one. The order does not matter. */
    categories: z.array(FlowCategorySchema).describe("Meta's flow categories; at least one."),
    /** The flow's data endpoint (`https://…`), for flows that exchange data with a server. */
    endpointUri: z.string().optional().describe("The flow's data endpoint, an https URL."),
    /**
     * The Flow JSON, as an object or as its text. Absent: the flow's JSON is left as it is (a new
     * flow is created without one). Compared as JSON: whitespace and key order do not count.
     */
    flowJson: z
      .union([z.string(), z.record(z.string(), z.unknown())])
      .optional()
      .describe('The Flow JSON, as an object or as its text; absent: left as it is.'),
    /**
     * The status wanted. Absent: left as it is, and a new flow stays a DRAFT. A published flow
     * cannot become a draft again, and a deprecated flow cannot change at all (Meta's flow
     * lifecycle).
     */
    status: z
      .enum(FLOW_DRAFT_STATUSES)
      .optional()
      .describe('The status wanted; absent: left as it is (a new flow stays a DRAFT).'),
  }),
);
export type FlowDraft = z.infer<typeof FlowDraftSchema>;

/**
 * The whole file: `{ version: 1, templates?, flows? }`. A section left out is not managed: a plan
 * neither creates nor deletes anything of that kind. An empty list is managed and empty: with
 * `prune`, everything of that kind is deleted. `$schema` may name the JSON Schema for editors.
 */
export const StateFileSchema = z.lazy(() =>
  z.object({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    version: z.literal(STATE_FILE_VERSION).describe('The state file format: 1.'),
    /** Message templates; each `(name, language)` at most once. */
    templates: z
      .array(TemplateDraftSchema)
      .optional()
      .describe('Message templates, each (name, language) once; left out: templates are not managed.'),
    /** Flows; each `name` at most once. */
    flows: z
      .array(FlowDraftSchema)
      .optional()
      .describe('Flows, each name once; left out: flows are not managed.'),
  }),
);
export type StateFile = z.infer<typeof StateFileSchema>;
