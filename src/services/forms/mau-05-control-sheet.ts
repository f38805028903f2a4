// Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ — travels with the paper file; each hand-over is a
// row: who gives, who receives, when, and the result against the deadline. Rows come from the dossier's
// history; what the history does not hold (the receiving person's signature, per-step results) is left
// for the people who hand the file over, and blank rows remain while the dossier is open.
import { BLANK, field, paragraph, vnDateTime, type Doc } from './pdf-document.ts';
import { formHead, lookupFoot, type FormContext } from './form-frame.ts';
import { table } from './table.ts';
import type { DossierFormFacts, StepFacts } from './dossier-form-facts.ts';

export const MAU_05_TITLE = 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ';

const OUTCOME_VI = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' } as const;

export interface HandOver {
  giver: string;
  receiver: string;
  at: number | null;
  giverName: string | null;
  receiverName: string | null;
  result: string;
  note: string;
}

/** The hand-overs of the paper file, read from the history. */
export function handOvers(f: DossierFormFacts): HandOver[] {
  const rows: HandOver[] = [];
  const add = (s: StepFacts, giver: string, receiver: string, receiverName: string | null, note: string, result = '') =>
    rows.push({ giver, receiver, at: s.at, giverName: s.actorName, receiverName, result, note });
  for (const s of f.steps) {
    switch (s.type) {
      case 'transfer': add(s, s.actorUnit.name, f.competentUnit.name, null, 'Chuyển hồ sơ đến cơ quan giải quyết'); break;
      case 'assign': add(s, `Lãnh đạo ${s.actorUnit.name}`, 'Chuyên viên xử lý', s.handedToName, 'Phân công xử lý'); break;
      case 'forward': if (s.handedToName) add(s, s.actorName, s.handedToName, s.handedToName, `Chuyển bước xử lý${s.request.direction === 'back' ? ' (trả lại bước trước)' : ''}`); break;
      case 'receive_supplement': add(s, 'Người nộp hồ sơ (hồ sơ bổ sung)', s.actorUnit.name, s.actorName, 'Nhận hồ sơ bổ sung'); break;
      case 'record_result':
        add(s, f.competentUnit.name, f.returnUnit.name, null, 'Chuyển kết quả về nơi trả', f.outcome ? OUTCOME_VI[f.outcome] : ''); break;
      case 'reject':
        if (s.actorUnit.code !== f.receivingUnit.code) add(s, s.actorUnit.name, f.returnUnit.name, null, 'Trả hồ sơ kèm phiếu từ chối'); break;
      case 'return_result': add(s, f.returnUnit.name, f.returnByPost ? 'Bưu chính' : 'Người nộp hồ sơ', null, 'Trả kết quả'); break;
      default: break;
    }
  }
  return rows;
}

const OPEN_ROWS = 2;

export function renderMau05(doc: Doc, f: DossierFormFacts, context: FormContext): void {
  formHead(doc, f.receivingUnit, MAU_05_TITLE, f.code, context);
  field(doc, 'Kèm theo hồ sơ của', f.applicant.fullName);
  field(doc, 'Nội dung yêu cầu giải quyết', f.procedureName);
  field(doc, 'Ngày tiếp nhận', vnDateTime(f.receivedAt));
  field(doc, 'Ngày hẹn trả kết quả', vnDateTime(f.dueAt));
  field(doc, 'Cơ quan (bộ phận) giải quyết hồ sơ', f.competentUnit.name);
  field(doc, 'Cơ quan phối hợp giải quyết hồ sơ', null);
  doc.moveDown(0.4);
  const rows = handOvers(f).map((h) => [
    `1. Giao: ${h.giver}\n2. Nhận: ${h.receiver}`,
    `${vnDateTime(h.at) ?? BLANK}\nNgười giao: ${h.giverName ?? BLANK}\nNgười nhận: ${h.receiverName ?? BLANK}`,
    h.result,
    h.note,
  ]);
  const open = !['returned', 'rejected', 'withdrawn'].includes(f.status);
  for (let i = 0; i < (open ? OPEN_ROWS : 0); i++) rows.push([`1. Giao: ${BLANK}\n2. Nhận: ${BLANK}`, `…giờ…phút, ngày…tháng…năm…\nNgười giao: ${BLANK}\nNgười nhận: ${BLANK}`, '', '']);
  table(doc, [
    { header: 'TÊN CƠ QUAN', weight: 30 },
    { header: 'THỜI GIAN GIAO, NHẬN HỒ SƠ', weight: 36 },
    { header: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn / đúng hạn / quá hạn)', weight: 17, align: 'center' },
    { header: 'GHI CHÚ', weight: 17 },
  ], rows, { fontSize: 7, headerFontSize: 6.5, minRowHeight: 40 });
  paragraph(doc, 'Người giao và người nhận ký, ghi rõ họ tên tại mỗi lần giao, nhận hồ sơ.', { size: 7, italic: true });
  lookupFoot(doc, context);
}
