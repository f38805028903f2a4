// The template registry: every template name a notification may be queued with. Other features add
// their list here (one import and one spread), e.g. FEEDBACK_TEMPLATES with names 'feedback.*'.
import { CITIZEN_OTP_TEMPLATES } from './citizen-otp.ts';
import { DOSSIER_TEMPLATES } from './dossier.ts';
import { STAFF_TIMER_TEMPLATES } from './dossier-timers.ts';
import { FEEDBACK_TEMPLATES } from './feedback.ts';
import { QUEUE_TEMPLATES } from './queue.ts';
import type { NotificationTemplate, RenderedMessage, TemplateContext } from './template.ts';

export type { NotificationTemplate, RenderedMessage, TemplateContext } from './template.ts';

const ALL_TEMPLATES: readonly NotificationTemplate[] = [
  ...DOSSIER_TEMPLATES,
  ...STAFF_TIMER_TEMPLATES,
  ...FEEDBACK_TEMPLATES,
  ...CITIZEN_OTP_TEMPLATES,
  ...QUEUE_TEMPLATES,
];

const BY_NAME = new Map<string, NotificationTemplate>();
for (const template of ALL_TEMPLATES) {
  if (BY_NAME.has(template.name)) throw new Error(`notification template "${template.name}" is registered twice`);
  BY_NAME.set(template.name, template);
}

export function templateNames(): string[] {
  return [...BY_NAME.keys()];
}

export function findTemplate(name: string): NotificationTemplate | undefined {
  return BY_NAME.get(name);
}

/** Payload fields of a template to remove once its message is sent or failed. */
export function transientFieldsOf(name: string): readonly string[] {
  return BY_NAME.get(name)?.transientFields ?? [];
}

/** The label shown to staff for a template (the name itself when unknown). */
export function templateLabel(name: string): string {
  return BY_NAME.get(name)?.label ?? name;
}

export class UnknownTemplateError extends Error {
  constructor(readonly template: string) {
    super(`Không có mẫu thông báo "${template}".`);
  }
}

export function renderNotification(name: string, payload: Record<string, unknown>, context: TemplateContext): RenderedMessage {
  const template = BY_NAME.get(name);
  if (!template) throw new UnknownTemplateError(name);
  return template.render(payload, context);
}
