// Printing a dossier's forms (Mẫu 01–05) and a unit's tracking book (Mẫu 06) as PDF, for officers in
// scope. A form that does not apply yet (a refusal for a dossier that was not refused) is a 409 with the
// reason, never an empty form. Each print is recorded in the audit log (the forms carry personal data).
import { conflict, invalid, notFound } from '../domain/errors.ts';
import { findDossier } from '../store/dossiers.ts';
import { listAllUnits } from '../store/units.ts';
import { trackingBookRows } from '../store/tracking-book.ts';
import { appendAudit } from '../store/audit.ts';
import { requireDossierScope } from './dossier-access.ts';
import { requireUnitInScope } from './admin-checks.ts';
import { communeName, loadFormFacts } from './forms/dossier-form-facts.ts';
import { FORM_SPECS, renderForm, type DossierFormName } from './forms/dossier-forms.ts';
import { lookupUrl } from './forms/lookup-qr.ts';
import { renderTrackingBook, type BookEntry } from './forms/mau-06-tracking-book.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

export interface RenderedPdf {
  fileName: string;
  bytes: Buffer;
}

/** `publicBase`: the web app's address for the QR code (settings, or the address the request used). */
export async function printDossierForm(ctx: ServiceContext, actor: Actor, code: string, form: DossierFormName, publicBase: string, origin: RequestOrigin): Promise<RenderedPdf> {
  const dossier = await findDossier(ctx.db, ctx.provinceCode, code);
  if (!dossier) throw notFound('DOSSIER_NOT_FOUND', `Không có hồ sơ mã "${code}".`);
  await requireDossierScope(ctx, actor, dossier, origin);
  const facts = await loadFormFacts(ctx, dossier);
  const spec = FORM_SPECS[form];
  const reason = spec.notApplicable(facts);
  if (reason) throw conflict('FORM_NOT_APPLICABLE', reason, { form, status: facts.status });
  const now = ctx.now().getTime();
  const bytes = await renderForm(form, facts, { lookupUrl: lookupUrl(ctx.settings.publicUrl ?? publicBase, dossier.code), issuedAt: spec.issuedAt(facts, now) });
  await appendAudit(ctx.db, { provinceCode: ctx.provinceCode, at: ctx.now(), actor, action: 'dossier.form.print', entityType: 'dossier', entityId: dossier.code,
    details: { form }, requestId: origin.requestId, address: origin.address });
  return { fileName: `${form}-${dossier.code}.pdf`, bytes };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_BOOK_DAYS = 366;
const MAX_BOOK_ROWS = 20_000;
const DAY_MS = 86_400_000;

/** The tracking book of a one-stop unit for the dates `from`–`to` inclusive (Vietnam days). */
export async function printTrackingBook(ctx: ServiceContext, actor: Actor, query: { unitCode: string; from: string; to: string }, origin: RequestOrigin): Promise<RenderedPdf> {
  for (const key of ['from', 'to'] as const) {
    if (!DATE.test(query[key]) || Number.isNaN(Date.parse(`${query[key]}T00:00:00+07:00`))) {
      throw invalid('INVALID_DATE', `Trường "${key}": ngày phải có dạng YYYY-MM-DD.`, { field: key });
    }
  }
  const from = Date.parse(`${query.from}T00:00:00+07:00`);
  const toExclusive = Date.parse(`${query.to}T00:00:00+07:00`) + DAY_MS;
  if (toExclusive <= from) throw invalid('INVALID_PERIOD', 'Ngày kết thúc ("to") phải từ ngày bắt đầu ("from") trở đi.', { field: 'to' });
  if (toExclusive - from > MAX_BOOK_DAYS * DAY_MS) throw invalid('PERIOD_TOO_LONG', `Mỗi lần in sổ tối đa ${MAX_BOOK_DAYS} ngày.`, { field: 'to' });

  const units = await listAllUnits(ctx.db);
  const unit = units.find((u) => u.code === query.unitCode);
  if (!unit) throw notFound('UNIT_NOT_FOUND', `Không có đơn vị mã "${query.unitCode}".`, { field: 'unitCode' });
  await requireUnitInScope(ctx.db, actor, unit.code);

  const rows = await trackingBookRows(ctx.db, ctx.provinceCode, unit.code, new Date(from), new Date(toExclusive), MAX_BOOK_ROWS + 1);
  const nameOf = (code: string) => units.find((u) => u.code === code)?.name ?? code;
  const entries: BookEntry[] = rows.slice(0, MAX_BOOK_ROWS).map((r) => {
    const applicant = r.applicant as { fullName?: string; address?: { communeCode?: string; detail?: string | null } };
    const commune = applicant.address?.communeCode ? communeName(units, applicant.address.communeCode) : null;
    const address = [applicant.address?.detail, commune].filter(Boolean).join(', ');
    return {
      code: r.code,
      procedureName: r.procedureName,
      applicantName: applicant.fullName ?? '',
      addressAndPhone: [address, r.applicantPhone].filter(Boolean).join('; '),
      competentUnitName: nameOf(r.competentUnitCode),
      receivedAt: r.receivedAt.getTime(),
      dueAt: r.dueAt?.getTime() ?? null,
      transferredAt: r.steps.transfer?.getTime() ?? null,
      resultAt: r.steps.record_result?.getTime() ?? null,
      returnedAt: r.steps.return_result?.getTime() ?? null,
      note: r.steps.reject ? 'Từ chối giải quyết' : r.steps.withdraw ? 'Rút hồ sơ' : '',
    };
  });
  const parent = unit.parentCode ? units.find((u) => u.code === unit.parentCode) : undefined;
  const bytes = await renderTrackingBook({ unit: { code: unit.code, name: unit.name, parentName: parent?.name ?? null }, from: query.from, to: query.to,
    entries, truncated: rows.length > MAX_BOOK_ROWS, printedAt: ctx.now().getTime() });
  await appendAudit(ctx.db, { provinceCode: ctx.provinceCode, at: ctx.now(), actor, action: 'report.tracking_book.print', entityType: 'unit', entityId: unit.code,
    details: { from: query.from, to: query.to, dossiers: entries.length }, requestId: origin.requestId, address: origin.address });
  return { fileName: `so-theo-doi-ho-so-${unit.code}-${query.from}-${query.to}.pdf`, bytes };
}
