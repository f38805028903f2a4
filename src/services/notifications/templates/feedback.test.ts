import { describe, expect, it } from 'vitest';
import type { FeedbackTemplate } from '../../feedback/feedback-notify.ts';
import { findTemplate, renderNotification } from './index.ts';

const NAMES: FeedbackTemplate[] = ['feedback.received', 'feedback.refused', 'feedback.info_requested', 'feedback.answered', 'feedback.published'];

describe('feedback message templates', () => {
  it('has a template for every message the feedback service queues, in Vietnamese, SMS without diacritics', () => {
    for (const name of NAMES) {
      expect(findTemplate(name), name).toBeDefined();
      const message = renderNotification(name, { code: 'PA-250115-ABC123', fullName: 'Trần Thị Bình', lookupPath: '/hoi-dap/theo-doi?ma=PA-250115-ABC123', dueAt: '2025-02-05T17:00:00+07:00', text: 'Nội dung trả lời' }, { publicUrl: 'https://motcua.example' });
      expect(message.subject).toContain('PA-250115-ABC123');
      expect(message.text).toContain('Trần Thị Bình');
      expect(message.text).toContain('https://motcua.example/hoi-dap/theo-doi?ma=PA-250115-ABC123');
      expect(message.sms).not.toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    }
  });
});
