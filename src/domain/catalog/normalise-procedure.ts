// From an import record to a procedure version's content: checks what must be there (code, name, field,
// level), normalises time limits, fees and document counts, derives cases, the online level and the
// default workflow, and lists every problem it could not solve instead of guessing.
import { CHANNELS, parseChannel, type Channel } from './channel.ts';
import { contentHash } from './content-hash.ts';
import { durationWorkingHours, normaliseDuration, UNPARSED_REASON_VI, type NormalisedDuration, type PlainDaysPolicy } from './duration.ts';
import { normaliseFee } from './fee.ts';
import { isProcedureLevel, parseLevelTag, primaryLevel, type LevelTag, type ProcedureLevel } from './level.ts';
import { deriveOnlineLevel, parseOnlineLevel, type OnlineLevel } from './online-level.ts';
import type { ChannelTerms, ProcedureCase, ProcedureContent, ProcedureResult } from './procedure-content.ts';
import type { ChannelRecord, DocumentRecord, ProcedureRecord, RowIssue } from './procedure-record.ts';
import { problem, type NormalisationProblem } from './problems.ts';
import { normaliseDocument, type RequiredDocument } from './required-document.ts';
import { cleanLine, cleanText, foldVietnamese } from './text.ts';
import { defaultWorkflow } from './workflow.ts';
import { parseSupplementPolicy } from './supplement-policy.ts';

export interface NormaliseOptions {
  plainDays: PlainDaysPolicy;
}

export const DEFAULT_NORMALISE_OPTIONS: NormaliseOptions = { plainDays: 'working' };

/** A procedure ready to store: identity, content, the original text, problems and the content hash. */
export interface NormalisedProcedure {
  code: string;
  localCode: string | null;
  content: ProcedureContent;
  raw: unknown;
  problems: NormalisationProblem[];
  hash: string;
}

export type NormaliseResult = { ok: true; procedure: NormalisedProcedure } | { ok: false; code: string | undefined; issues: RowIssue[] };

const CODE_RE = /^[0-9A-Za-z][0-9A-Za-z._\-/]{0,79}$/;
const MAX_NAME = 1500;

export function normaliseProcedure(record: ProcedureRecord, options: NormaliseOptions = DEFAULT_NORMALISE_OPTIONS): NormaliseResult {
  const issues: RowIssue[] = [];
  const problems: NormalisationProblem[] = [];
  const issue = (code: string, field: string, message: string) => issues.push({ code, field, message });

  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return { ok: false, code: undefined, issues: [{ code: 'INVALID_RECORD', message: 'Mục này không phải một đối tượng thủ tục.' }] };
  }

  const code = cleanLine(record.code);
  if (!code) issue('MISSING_CODE', 'code', 'Thiếu mã thủ tục.');
  else if (!CODE_RE.test(code)) issue('INVALID_CODE', 'code', `Mã thủ tục "${code}" không hợp lệ (chỉ gồm chữ, số, dấu chấm, gạch; tối đa 80 ký tự).`);
  const localCode = cleanLine(record.localCode) || null;
  if (localCode && !CODE_RE.test(localCode)) issue('INVALID_CODE', 'localCode', `Mã thủ tục địa phương "${localCode}" không hợp lệ.`);

  const name = cleanLine(record.name);
  if (!name) issue('MISSING_NAME', 'name', 'Thiếu tên thủ tục.');
  else if (name.length > MAX_NAME) issue('NAME_TOO_LONG', 'name', `Tên thủ tục dài quá ${MAX_NAME} ký tự.`);
  const field = cleanLine(record.field);
  if (!field) issue('MISSING_FIELD', 'field', 'Thiếu lĩnh vực.');
  else if (field.length > 300) issue('FIELD_TOO_LONG', 'field', 'Tên lĩnh vực dài quá 300 ký tự.');
  const fieldCode = cleanLine(record.fieldCode) || null;
  if (fieldCode && fieldCode.length > 50) issue('INVALID_FIELD_CODE', 'fieldCode', 'Mã lĩnh vực dài quá 50 ký tự.');

  const levels = readLevels(record.levels, issue);
  const online = readOptionalOnlineLevel(record.onlineLevel, issue);
  const flags = {
    mustFileInOwnArea: readFlag(record.mustFileInOwnArea, 'mustFileInOwnArea', issue),
    onlinePaymentRequired: readFlag(record.onlinePaymentRequired, 'onlinePaymentRequired', issue),
    digitallySignedResult: readFlag(record.digitallySignedResult, 'digitallySignedResult', issue),
  };

  const supplementPolicy = parseSupplementPolicy(record.supplementPolicy);
  if (supplementPolicy === null) {
    issue('INVALID_SUPPLEMENT_POLICY', 'supplementPolicy', 'Cách tính thời hạn khi bổ sung hồ sơ phải là "restart" (tính lại) hoặc "pause" (tạm dừng).');
  }

  const channelRows = readChannelRows(record.channels, issue, options, problems);
  const docs = readDocuments(record.requiredDocuments, issue, problems);
  if (issues.length > 0 || !levels) return { ok: false, code: code || undefined, issues };

  const level = primaryLevel(levels.filter(isProcedureLevel)) as ProcedureLevel;
  const { channels, caseTerms } = summariseChannels(channelRows, problems);
  const timeLimit = pickTimeLimit(channels);
  if (channelRows.length === 0) {
    problems.push(problem('CHANNELS_MISSING', 'unparsed', 'channels', '', 'Không công bố cách thức thực hiện (kênh nộp, thời hạn, phí).'));
  }

  const cases: ProcedureCase[] = [];
  for (const [name, documents] of docs.groups) cases.push({ name, documents, terms: [] });
  for (const [name, terms] of caseTerms) {
    const existing = cases.find((c) => c.name === name);
    if (existing) existing.terms.push(...terms);
    else cases.push({ name, documents: [], terms });
  }

  const text = (value: unknown) => cleanText(value) || null;
  const agencies = {
    competent: text(record.competentAuthority),
    implementing: text(record.implementingAgency),
    authorized: text(record.authorizedAgency),
    coordinating: text(record.coordinatingAgency),
    receivingAddress: text(record.receivingAddress),
  };
  const onlineLevel: OnlineLevel =
    online ?? deriveOnlineLevel(channels.some((c) => c.channel === 'online'), [name, ...channels.map((c) => c.note)]);

  const content: ProcedureContent = {
    name,
    field,
    fieldCode,
    level,
    levels,
    issuingMinistry: text(record.issuingMinistry),
    publishingDecision: text(record.decisionNo),
    procedureType: text(record.procedureType),
    agencies,
    applicants: text(record.applicants),
    channels,
    timeLimit,
    documents: docs.common,
    cases,
    results: readResults(record.results),
    conditions: text(record.conditions),
    legalBasis: text(record.legalBasis ?? record.legalBasisRaw),
    steps: text(record.steps),
    onlineLevel,
    ...flags,
    workflow: defaultWorkflow(timeLimit),
    ...(supplementPolicy ? { supplementPolicy } : {}),
    sourceUrl: cleanLine(record.sourceUrl) || null,
  };
  const raw = record.raw === undefined ? null : record.raw;
  return { ok: true, procedure: { code, localCode, content, raw, problems, hash: contentHash({ content, raw, localCode }) } };
}

function readLevels(value: unknown, issue: (code: string, field: string, message: string) => void): LevelTag[] | undefined {
  const texts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[;,|\n]/) : value === undefined || value === null ? [] : undefined;
  if (!texts) {
    issue('INVALID_VALUE', 'levels', 'Cấp thực hiện phải là một danh sách.');
    return undefined;
  }
  const tags: LevelTag[] = [];
  for (const entry of texts) {
    const label = cleanLine(entry);
    if (!label) continue;
    const tag = parseLevelTag(label);
    if (!tag) {
      issue('UNKNOWN_LEVEL', 'levels', `Cấp thực hiện "${label}" không hợp lệ (Cấp tỉnh, Cấp huyện, Cấp xã, Cấp bộ, Cơ quan khác).`);
      return undefined;
    }
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length === 0) {
    issue('MISSING_LEVEL', 'levels', 'Thiếu cấp thực hiện.');
    return undefined;
  }
  if (!tags.some(isProcedureLevel)) {
    issue('NO_LOCAL_LEVEL', 'levels', 'Thủ tục không thực hiện ở cấp tỉnh, huyện hay xã: không thuộc danh mục của tỉnh.');
    return undefined;
  }
  return tags;
}

function readOptionalOnlineLevel(value: unknown, issue: (code: string, field: string, message: string) => void): OnlineLevel | undefined {
  const textValue = cleanLine(value);
  if (!textValue) return undefined;
  const level = parseOnlineLevel(textValue);
  if (!level) issue('INVALID_ONLINE_LEVEL', 'onlineLevel', `Mức độ trực tuyến "${textValue}" không hợp lệ (toàn trình, một phần, không).`);
  return level;
}

const TRUE_WORDS = new Set(['true', 'co', 'x', '1', 'yes', 'y', 'dung']);
const FALSE_WORDS = new Set(['false', 'khong', '0', 'no', 'n', 'sai', '']);

function readFlag(value: unknown, field: string, issue: (code: string, field: string, message: string) => void): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  const folded = foldVietnamese(cleanLine(value));
  if (TRUE_WORDS.has(folded)) return true;
  if (FALSE_WORDS.has(folded)) return false;
  issue('INVALID_FLAG', field, `Giá trị "${cleanLine(value)}" của ${field} không hợp lệ (có/không).`);
  return false;
}

interface ChannelRow {
  terms: ChannelTerms;
  path: string;
}

function readChannelRows(
  value: unknown,
  issue: (code: string, field: string, message: string) => void,
  options: NormaliseOptions,
  problems: NormalisationProblem[],
): ChannelRow[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issue('INVALID_VALUE', 'channels', 'Cách thức thực hiện (channels) phải là một danh sách.');
    return [];
  }
  const rows: ChannelRow[] = [];
  const perChannel = new Map<Channel, number>();
  for (const [index, entry] of (value as ChannelRecord[]).entries()) {
    if (entry === null || typeof entry !== 'object') {
      issue('INVALID_VALUE', `channels[${index}]`, 'Mỗi cách thức thực hiện phải là một đối tượng.');
      continue;
    }
    const label = cleanLine(entry.channel);
    const channel = parseChannel(label);
    if (!channel) {
      issue('UNKNOWN_CHANNEL', `channels[${index}].channel`, `Kênh nộp "${label}" không hợp lệ (Trực tiếp, Trực tuyến, Dịch vụ bưu chính).`);
      continue;
    }
    const n = (perChannel.get(channel) ?? 0) + 1;
    perChannel.set(channel, n);
    const durationText = cleanLine(entry.processingTime);
    let feeText = cleanLine(entry.fee);
    let note = cleanText(entry.description);
    const path = `channels[${index}]`;
    let reading = normaliseDuration(durationText, options.plainDays);
    // The source's column split sometimes moves an amount into the time column: "120 | VNĐ(20.000 vnđ /tờ khai)".
    if (/^[\d.,]+$/.test(durationText) && /^(?:VNĐ|VND|Đồng|đồng|Việt Nam Đồng)/.test(note) && !feeText) {
      const unit = /^(VNĐ|VND|Đồng|đồng|Việt Nam Đồng)/.exec(note)![1]!;
      feeText = `${durationText} ${unit}`;
      note = note.slice(unit.length).trim().replace(/^\((.*)\)$/s, '$1');
      reading = { duration: { unit: 'unparsed', text: durationText, reason: 'fee_in_time_column' } };
      problems.push(problem('FEE_IN_TIME_COLUMN', 'review', `${path}.fee`, durationText,
        `Nguồn ghi "${durationText}" ở cột thời hạn nhưng đó là số tiền; đã chuyển sang phí "${feeText}".`));
    }
    const duration = reading.duration;
    if (duration.unit === 'unparsed') {
      problems.push(problem(`DURATION_${duration.reason.toUpperCase()}`, 'unparsed', `${path}.duration`, durationText, UNPARSED_REASON_VI[duration.reason]));
    } else if (reading.plainDays) {
      problems.push(problem('DURATION_PLAIN_DAYS', 'review', `${path}.duration`, durationText,
        `Thời hạn ghi "ngày" (không ghi "ngày làm việc"): đang tính là ${(duration as { value: number }).value} ngày làm việc; cần xác nhận.`));
    }
    const feeReading = normaliseFee(feeText);
    if (feeReading.fee.kind === 'unparsed') {
      problems.push(problem('FEE_UNPARSED', 'unparsed', `${path}.fee`, feeText, 'Phí, lệ phí không phải một số tiền; giữ nguyên văn bản.'));
    } else if (feeReading.suspicious) {
      problems.push(problem('FEE_SUSPICIOUS_AMOUNT', 'review', `${path}.fee`, feeText, `Mức phí "${feeText}" nhỏ bất thường; cần kiểm tra.`));
    }
    rows.push({ terms: { channel, duration, durationText, fee: feeReading.fee, feeText, note }, path });
  }
  return rows;
}

/** One terms entry per channel (the longest limit when a channel has several), the rest as cases. */
function summariseChannels(rows: ChannelRow[], problems: NormalisationProblem[]) {
  const channels: ChannelTerms[] = [];
  const caseTerms = new Map<string, ChannelTerms[]>();
  let multiple = false;
  for (const channel of CHANNELS) {
    const own = rows.filter((r) => r.terms.channel === channel).map((r) => r.terms);
    if (own.length === 0) continue;
    if (own.length === 1) {
      channels.push(own[0]!);
      continue;
    }
    multiple = true;
    const longest = own.reduce((best, t) => ((durationWorkingHours(t.duration) ?? -1) > (durationWorkingHours(best.duration) ?? -1) ? t : best));
    channels.push(longest);
    for (const [i, terms] of own.entries()) {
      const name = caseName(terms.note, i);
      caseTerms.set(name, [...(caseTerms.get(name) ?? []), terms]);
    }
  }
  if (multiple) {
    problems.push(problem('MULTIPLE_TERMS_PER_CHANNEL', 'review', 'channels', '',
      'Một kênh có nhiều thời hạn (theo trường hợp hoặc theo bước); thời hạn chung lấy giá trị dài nhất — cần kiểm tra.'));
  }
  return { channels, caseTerms };
}

function caseName(note: string, index: number): string {
  const line = cleanLine(note);
  if (!line) return `Trường hợp ${index + 1}`;
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}

const TIME_LIMIT_CHANNELS: readonly Channel[] = ['direct', 'online', 'postal'];

function pickTimeLimit(channels: ChannelTerms[]): NormalisedDuration {
  const ordered = TIME_LIMIT_CHANNELS.map((c) => channels.find((t) => t.channel === c)).filter((t): t is ChannelTerms => t !== undefined);
  const parsed = ordered.find((t) => t.duration.unit !== 'unparsed');
  return (parsed ?? ordered[0])?.duration ?? { unit: 'unparsed', text: '', reason: 'empty' };
}

function readDocuments(value: unknown, issue: (code: string, field: string, message: string) => void, problems: NormalisationProblem[]) {
  const common: RequiredDocument[] = [];
  const groups = new Map<string, RequiredDocument[]>();
  if (value === undefined || value === null) return { common, groups };
  if (!Array.isArray(value)) {
    issue('INVALID_VALUE', 'requiredDocuments', 'Thành phần hồ sơ phải là một danh sách.');
    return { common, groups };
  }
  for (const [index, entry] of (value as DocumentRecord[]).entries()) {
    if (entry === null || typeof entry !== 'object') {
      issue('INVALID_VALUE', `requiredDocuments[${index}]`, 'Mỗi giấy tờ phải là một đối tượng.');
      continue;
    }
    const reading = normaliseDocument(entry, `requiredDocuments[${index}]`);
    if (reading.invalidCount) {
      issue('INVALID_COUNT', `requiredDocuments[${index}].${reading.invalidCount}`, 'Số lượng giấy tờ phải là số nguyên không âm.');
      continue;
    }
    if (!reading.document.name) continue;
    problems.push(...reading.problems);
    const group = cleanLine(entry.group);
    if (!group) common.push(reading.document);
    else groups.set(group, [...(groups.get(group) ?? []), reading.document]);
  }
  return { common, groups };
}

function readResults(value: unknown): ProcedureResult[] {
  if (typeof value === 'string') {
    return value.split('\n').map((line) => cleanLine(line)).filter(Boolean).map((name) => ({ name, code: null }));
  }
  if (!Array.isArray(value)) return [];
  return value
    .map((entry) => (typeof entry === 'string' ? { name: cleanLine(entry), code: null } : { name: cleanLine(entry?.name), code: cleanLine(entry?.code) || null }))
    .filter((r) => r.name !== '');
}
