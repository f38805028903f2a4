// The one-stop forms of a dossier (Circular 01/2018/TT-VPCP), by the names the routes use: what each is
// called, when it applies, which date it bears, and which layout prints it.
import { STATUS_LABELS_VI, type DossierStatus } from '../../domain/dossier/index.ts';
import { createDocument } from './pdf-document.ts';
import type { DossierFormFacts } from './dossier-form-facts.ts';
import type { FormContext } from './form-frame.ts';
import { MAU_01_TITLE, renderMau01 } from './mau-01-receipt.ts';
import { MAU_02_TITLE, renderMau02 } from './mau-02-supplement.ts';
import { MAU_03_TITLE, renderMau03 } from './mau-03-refusal.ts';
import { MAU_04_TITLE, renderMau04 } from './mau-04-apology.ts';
import { MAU_05_TITLE, renderMau05 } from './mau-05-control-sheet.ts';

export const DOSSIER_FORMS = ['mau-01', 'mau-02', 'mau-03', 'mau-04', 'mau-05'] as const;
export type DossierFormName = (typeof DOSSIER_FORMS)[number];

interface FormSpec {
  title: string;
  /** Why the form does not apply yet (Vietnamese), or null when it does. */
  notApplicable(f: DossierFormFacts): string | null;
  /** The date the form bears. */
  issuedAt(f: DossierFormFacts, now: number): number;
  render: (doc: PDFKit.PDFDocument, f: DossierFormFacts, context: FormContext) => void;
}

const statusLabel = (status: string) => STATUS_LABELS_VI[status as DossierStatus] ?? status;

export const FORM_SPECS: Record<DossierFormName, FormSpec> = {
  'mau-01': { title: MAU_01_TITLE, notApplicable: () => null, issuedAt: (f) => f.receivedAt, render: renderMau01 },
  'mau-02': {
    title: MAU_02_TITLE,
    notApplicable: (f) => (f.supplement ? null : `Hồ sơ chưa có yêu cầu bổ sung, hoàn thiện nên chưa có Phiếu yêu cầu bổ sung (Mẫu 02); trạng thái hiện tại: ${statusLabel(f.status)}.`),
    issuedAt: (f) => f.supplement!.at,
    render: renderMau02,
  },
  'mau-03': {
    title: MAU_03_TITLE,
    notApplicable: (f) => (f.status === 'rejected' && f.rejection ? null : `Hồ sơ không bị từ chối nên không có Phiếu từ chối (Mẫu 03); trạng thái hiện tại: ${statusLabel(f.status)}.`),
    issuedAt: (f) => f.rejection!.at,
    render: renderMau03,
  },
  'mau-04': {
    title: MAU_04_TITLE,
    notApplicable: (f) => (f.extension ? null : `Hồ sơ chưa được gia hạn nên chưa có Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04); trạng thái hiện tại: ${statusLabel(f.status)}.`),
    issuedAt: (f) => f.extension!.at,
    render: renderMau04,
  },
  'mau-05': { title: MAU_05_TITLE, notApplicable: () => null, issuedAt: (_f, now) => now, render: renderMau05 },
};

export async function renderForm(form: DossierFormName, facts: DossierFormFacts, context: FormContext): Promise<Buffer> {
  const spec = FORM_SPECS[form];
  const { doc, bytes } = createDocument({ size: 'A5', title: `${spec.title} — ${facts.code}`, subject: facts.procedureName, createdAt: new Date(context.issuedAt) });
  spec.render(doc, facts, context);
  doc.end();
  return bytes;
}
