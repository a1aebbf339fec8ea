import { createClient } from '@whatsapp-bsp/core';
import { startEmulator } from '@whatsapp-bsp/emulator';
import { listFlowsAndTemplates, type VendorReport } from './list-flows-and-templates.js';
import { type ManageReport, manageTemplatesAndFlows } from './manage-templates-and-flows.js';

// The demo behind `pnpm demo`: one program, two vendors, no credentials and no network. The
// built-in emulator speaks both vendors' real wire protocols on loopback.
// One emulator per vendor, so each is an account of its own; its review of a new template takes
// a second here, not Meta's minutes.
const emulators = {
  nxcloud: await startEmulator({ vendors: ['nxcloud'], review: { delayMs: 1_000 } }),
  cams: await startEmulator({ vendors: ['cams'], review: { delayMs: 1_000 } }),
};
try {
  const reports: VendorReport[] = [];
  const writes: ManageReport[] = [];
  for (const config of [
    { provider: 'nxcloud', nxcloud: emulators.nxcloud.nxcloud.config },
    { provider: 'cams', cams: emulators.cams.cams.config },
  ]) {
    const client = await createClient(config);
    reports.push(await listFlowsAndTemplates(client));
    writes.push(await manageTemplatesAndFlows(client, { reviewTimeoutMs: 30_000 }));
  }
  console.log(sideBySide(reports.map(describe)));
  console.log(`\n${sideBySide(writes.map(describeWrites))}`);
} finally {
  await Promise.all([emulators.nxcloud.close(), emulators.cams.close()]);
}

function sideBySide(columns: string[][]): string {
  const width = Math.max(...columns.flat().map((line) => line.length));
  const height = Math.max(...columns.map((column) => column.length));
  const lines: string[] = [];
  for (let row = 0; row < height; row += 1) {
    lines.push(
      columns
        .map((column) => (column[row] ?? '').padEnd(width))
        .join('  │  ')
        .trimEnd(),
    );
  }
  return lines.join('\n');
}

function describe(report: VendorReport): string[] {
  const lines = [`provider: ${report.provider}`, '', 'flows.list (first 5):'];
  for (const flow of report.flows)
    lines.push(`  ${flow.name}  [${flow.categories.join(',')}]  ${flow.status ?? '—'}`);
  if (report.firstFlow) {
    const { name, status, jsonVersion, preview } = report.firstFlow;
    lines.push('', `flows.get(first): ${name}`, `  status ${status}, json ${jsonVersion ?? '—'}`);
    lines.push(`  preview expires ${preview?.expiresAt?.toISOString() ?? '—'}`);
  }
  lines.push('', `templates.list (first ${report.templates.length}):`);
  for (const t of report.templates) lines.push(`  ${t.name} ${t.language} ${t.category} ${t.status}`);
  if (report.firstTemplate) {
    lines.push('', `templates.get: ${report.firstTemplate.name} (${report.firstTemplate.language})`);
    for (const component of report.firstTemplate.components) {
      const text = 'text' in component && component.text ? `: ${component.text}` : '';
      lines.push(`  ${component.type}${text}`.slice(0, 60));
    }
  }
  lines.push(
    '',
    `request id of the last call: ${report.firstTemplate?.$metadata.requestId ?? '(vendor sends none)'}`,
  );
  return lines;
}

function describeWrites(report: ManageReport): string[] {
  const { created, reviewed, flow, json, deprecated } = report;
  const screens = (json as { screens?: unknown[] } | undefined)?.screens?.length ?? 0;
  return [
    `provider: ${report.provider}`,
    '',
    `templates.create: ${created.name} (${created.language})`,
    `  ${created.status}, id ${created.id}`,
    `templates.waitForStatus: ${reviewed.status}`,
    '',
    `flows.create + publish: ${flow.name}`,
    `  ${flow.status}, id ${flow.id}`,
    `flows.getJson: ${screens} screen(s)`,
    `flows.deprecate: ${deprecated.status}`,
  ];
}
