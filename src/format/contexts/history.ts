import type { HistoryItem } from '../../api/images.js';
import { RowContext } from '../context.js';
import { ago } from '../duration.js';
import { humanSizeWithPrecision } from '../size.js';
import { rfc3339Local } from '../time.js';
import { ellipsis, truncateId } from '../width.js';

export const HISTORY_HEADERS: Record<string, string> = {
  ID: 'IMAGE',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  Size: 'SIZE',
  Comment: 'COMMENT',
};

export const HISTORY_TABLE = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
export const HISTORY_TABLE_RAW_TIMES =
  'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';

/** Docker's cut-off: history rows created before 2000 show N/A. */
const Y2K = Date.parse('2000-01-01T00:00:00Z') / 1000;

export class HistoryContext extends RowContext {
  constructor(
    private readonly item: HistoryItem,
    private readonly now: number,
    private readonly opts: { trunc: boolean; human: boolean },
  ) {
    super('*formatter.historyContext');
  }
  get ID(): string {
    if (this.item.Id === '<missing>' || !this.opts.trunc) return this.item.Id;
    return truncateId(this.item.Id);
  }
  get CreatedSince(): string {
    if (!this.opts.human) return this.CreatedAt;
    return this.item.Created <= Y2K ? 'N/A' : ago(this.now - this.item.Created * 1000);
  }
  get CreatedAt(): string {
    return rfc3339Local(this.item.Created * 1000);
  }
  get CreatedBy(): string {
    const text = this.item.CreatedBy.replaceAll('\t', ' ');
    return this.opts.trunc ? ellipsis(text, 45) : text;
  }
  get Size(): string {
    return this.opts.human ? humanSizeWithPrecision(this.item.Size, 3) : String(this.item.Size);
  }
  get Comment(): string {
    return this.item.Comment;
  }
}
