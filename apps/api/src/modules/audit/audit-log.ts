import { Injectable } from '@nestjs/common';
import { toChinaIso } from '@sailcourt/domain';
import { TransactionalRepository } from '../../database/transactions.js';
import type { AuditEntryEntity, AuditSubject } from './audit-entry.entity.js';
import type { OrganizerAuditEntryDto } from './audit-entry.dto.js';

export type NewAuditEntry = Pick<AuditEntryEntity, 'subject' | 'subjectId' | 'action' | 'actorId' | 'details'> &
  Partial<Pick<AuditEntryEntity, 'eventId' | 'divisionId'>>;

/**
 * The organizer actions' audit log. A service writes its entry in the transaction that makes the change, so the log
 * holds exactly what was committed; organizers read it per subject.
 */
@Injectable()
export class AuditLog extends TransactionalRepository {
  /** Joins the caller's transaction (it must run inside the one that makes the change). */
  async record(entry: NewAuditEntry): Promise<void> {
    await this.tx.query(
      `INSERT INTO audit_entries (subject, subject_id, event_id, division_id, action, actor_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [
        entry.subject,
        entry.subjectId,
        entry.eventId ?? null,
        entry.divisionId ?? null,
        entry.action,
        entry.actorId,
        JSON.stringify(entry.details),
      ],
    );
  }

  /** A subject's entries, oldest first, with who acted by name. */
  async list(subject: AuditSubject, subjectId: string): Promise<OrganizerAuditEntryDto[]> {
    const rows = await this.tx.query<
      (Omit<OrganizerAuditEntryDto, 'at' | 'actorName'> & { at: Date; actorName: string | null })[]
    >(
      `SELECT a.id, a.action, a.event_id AS "eventId", a.division_id AS "divisionId", a.actor_id AS "actorId",
              u.display_name AS "actorName", a.details, a.at
         FROM audit_entries a LEFT JOIN users u ON u.id = a.actor_id
        WHERE a.subject = $1 AND a.subject_id = $2 ORDER BY a.at, a.id`,
      [subject, subjectId],
    );
    return rows.map((r) => ({ ...r, at: toChinaIso(r.at) }));
  }
}
