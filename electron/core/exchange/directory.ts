import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { KeyObject } from 'node:crypto';
import type { OfficerStatus, OfficerView, RecipientView } from '../../../shared/exchange/dto';
import { CordonError } from '../../../shared/errors';
import type { Case } from '../store/case';
import { zero } from '../store/keys';
import { buildCard, readCard } from './card';
import type { Card } from './format';
import { fingerprintGroups, generateOfficerKeys, importAgeKey, importSigningKey, normaliseFingerprint } from './keys';

// The directory of bureaus and contact officers, and this workstation's own officer. A partner's
// key is trusted for exchange only once a person has checked its fingerprint (verified), and only
// until it expires or is revoked.

interface OfficerRow {
  id: string;
  bureau: string;
  country: string;
  bureau_name: string;
  name: string;
  role: string;
  languages: string;
  phone: string;
  email: string;
  signing_key: string;
  age_recipient: string;
  fingerprint: string;
  valid_from: string;
  valid_until: string | null;
  verified_at: string | null;
  verified_by: string | null;
  revoked_at: string | null;
  revoked_reason: string | null;
  is_self: number;
  created_at: string;
}

const SELECT = `SELECT o.*, b.country, b.name AS bureau_name FROM officers o JOIN bureaus b ON b.code = o.bureau`;

export function officerIdFor(fingerprint: string): string {
  return `officer-${fingerprint.slice(0, 16)}`;
}

function statusOf(r: OfficerRow, now: number): OfficerStatus {
  if (r.revoked_at) return 'revoked';
  if (r.valid_until && Date.parse(r.valid_until) < now) return 'expired';
  if (r.is_self) return 'self';
  return r.verified_at ? 'verified' : 'unverified';
}

function toView(r: OfficerRow, now = Date.now()): OfficerView {
  return {
    id: r.id,
    bureau: { code: r.bureau, country: r.country, name: r.bureau_name },
    name: r.name,
    role: r.role,
    languages: JSON.parse(r.languages) as string[],
    phone: r.phone,
    email: r.email,
    fingerprint: r.fingerprint,
    fingerprintGroups: fingerprintGroups(r.fingerprint),
    signingKey: r.signing_key,
    ageRecipient: r.age_recipient,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    verifiedAt: r.verified_at,
    verifiedBy: r.verified_by,
    revokedAt: r.revoked_at,
    revokedReason: r.revoked_reason,
    self: r.is_self === 1,
    status: statusOf(r, now),
    createdAt: r.created_at,
  };
}

export function listOfficers(db: Database): OfficerView[] {
  const now = Date.now();
  return (db.prepare(`${SELECT} ORDER BY o.is_self DESC, o.bureau, o.name, o.created_at`).all() as OfficerRow[]).map((r) => toView(r, now));
}

export function getOfficer(db: Database, id: string): OfficerView {
  const row = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as OfficerRow | undefined;
  if (!row) throw new CordonError('NOT_FOUND', `No officer ${id} in the directory.`);
  return toView(row);
}

export function officerByFingerprint(db: Database, fingerprint: string): OfficerView | null {
  const row = db.prepare(`${SELECT} WHERE o.fingerprint = ?`).get(fingerprint) as OfficerRow | undefined;
  return row ? toView(row) : null;
}

/** This workstation's officer (the current, unrevoked identity), or null before `officer init`. */
export function selfOfficer(db: Database): OfficerView | null {
  const row = db.prepare(`${SELECT} WHERE o.is_self = 1 AND o.revoked_at IS NULL`).get() as OfficerRow | undefined;
  return row ? toView(row) : null;
}

export function requireSelf(db: Database): OfficerView {
  const me = selfOfficer(db);
  if (!me) throw new CordonError('NOT_FOUND', 'This case has no officer identity yet; run `officer init` first.');
  return me;
}

function upsertBureau(db: Database, code: string, country: string, name: string): void {
  db.prepare(
    `INSERT INTO bureaus (code, country, name) VALUES (?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET country = CASE WHEN excluded.country <> '' THEN excluded.country ELSE country END,
                                     name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE name END`,
  ).run(code, country, name);
}

function insertOfficer(db: Database, card: Card, opts: { self: boolean; verifiedAt: string | null; verifiedBy: string | null }): string {
  const c = card.card;
  const id = officerIdFor(card.fingerprint);
  upsertBureau(db, c.bureau.code, c.bureau.country, c.bureau.name);
  db.prepare(
    `INSERT INTO officers (id, bureau, name, role, languages, phone, email, signing_key, age_recipient, fingerprint,
                           valid_from, valid_until, verified_at, verified_by, is_self, card, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    c.bureau.code,
    c.officer.name,
    c.officer.role,
    JSON.stringify(c.officer.languages),
    c.officer.phone,
    c.officer.email,
    c.keys.signing,
    c.keys.age,
    card.fingerprint,
    c.validFrom,
    c.validUntil,
    opts.verifiedAt,
    opts.verifiedBy,
    opts.self ? 1 : 0,
    JSON.stringify(card),
    new Date().toISOString(),
  );
  return id;
}

export interface InitInput {
  bureau: string;
  name: string;
  role?: string | undefined;
  languages?: string[] | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  country?: string | undefined;
  bureauName?: string | undefined;
  validDays?: number | undefined;
}

/** Generates this workstation's keys; the private halves go only into the encrypted case. */
export async function initIdentity(c: Case, input: InitInput): Promise<OfficerView> {
  if (input.bureau !== c.bureau) {
    throw new CordonError('CONSTRAINT', `This case belongs to bureau ${c.bureau}; its officer must be of the same bureau, not ${input.bureau}.`);
  }
  if (selfOfficer(c.db)) throw new CordonError('CONSTRAINT', 'This case already has an officer identity.');
  const keys = await generateOfficerKeys();
  try {
    const signer = importSigningKey(Buffer.from(keys.signingPrivate));
    const now = new Date();
    const card = buildCard(
      {
        bureau: { code: input.bureau, country: input.country ?? '', name: input.bureauName ?? '' },
        officer: { name: input.name, role: input.role ?? '', languages: input.languages ?? [], phone: input.phone ?? '', email: input.email ?? '' },
        signingPublic: keys.signingPublic,
        ageRecipient: keys.ageRecipient,
        validFrom: now.toISOString(),
        validUntil: input.validDays ? new Date(now.getTime() + input.validDays * 86_400_000).toISOString() : null,
      },
      signer,
    );
    const id = c.write(() => {
      const officerId = insertOfficer(c.db, card, { self: true, verifiedAt: now.toISOString(), verifiedBy: c.actor });
      c.db
        .prepare('INSERT INTO identity_keys (officer_id, signing_private, age_private, created_at) VALUES (?, ?, ?, ?)')
        .run(officerId, keys.signingPrivate, keys.agePrivate, now.toISOString());
      c.audit.append({ actor: c.actor, action: 'officer.init', target: officerId, detail: { bureau: input.bureau, fingerprint: card.fingerprint } });
      return officerId;
    });
    return getOfficer(c.db, id);
  } finally {
    zero(keys.signingPrivate);
    zero(keys.agePrivate);
  }
}

/** The signed contact card of this workstation's officer, as stored at init. */
export function myCard(db: Database): Card {
  const me = requireSelf(db);
  return JSON.parse(db.prepare('SELECT card FROM officers WHERE id = ?').pluck().get(me.id) as string) as Card;
}

/** This workstation's signing key (the DER read from the case is zeroed). */
export function loadSigner(db: Database): { officer: OfficerView; key: KeyObject } {
  const officer = requireSelf(db);
  const der = db.prepare('SELECT signing_private FROM identity_keys WHERE officer_id = ?').pluck().get(officer.id) as Buffer;
  return { officer, key: importSigningKey(der) };
}

/** This workstation's age identity as a non-extractable CryptoKey. */
export async function loadAgeIdentity(db: Database): Promise<CryptoKey> {
  const officer = requireSelf(db);
  const der = db.prepare('SELECT age_private FROM identity_keys WHERE officer_id = ?').pluck().get(officer.id) as Buffer;
  return importAgeKey(der);
}

/** Adds a partner's card after checking its self-signature. Unverified unless the caller says so. */
export function importCard(c: Case, text: string, opts: { verified: boolean }): OfficerView {
  const card = readCard(text);
  const existing = officerByFingerprint(c.db, card.fingerprint);
  if (existing?.self) throw new CordonError('CONSTRAINT', 'This is the card of this workstation’s own officer.');
  const now = new Date().toISOString();
  const id = c.write(() => {
    let officerId: string;
    if (existing) {
      officerId = existing.id;
      if (opts.verified && !existing.verifiedAt) c.db.prepare('UPDATE officers SET verified_at = ?, verified_by = ? WHERE id = ?').run(now, c.actor, officerId);
    } else {
      officerId = insertOfficer(c.db, card, { self: false, verifiedAt: opts.verified ? now : null, verifiedBy: opts.verified ? c.actor : null });
    }
    c.audit.append({
      actor: c.actor,
      action: 'officer.import',
      target: officerId,
      detail: { bureau: card.card.bureau.code, name: card.card.officer.name, fingerprint: card.fingerprint, verified: opts.verified, known: existing !== null },
    });
    return officerId;
  });
  return getOfficer(c.db, id);
}

/**
 * Marks an officer's key as checked in person or by voice. When the caller passes the fingerprint
 * they read, it must match: a typo is caught here rather than trusted.
 */
export function verifyOfficer(c: Case, id: string, fingerprint?: string): OfficerView {
  const o = getOfficer(c.db, id);
  if (o.self) throw new CordonError('CONSTRAINT', 'This workstation’s own officer needs no verification.');
  if (o.revokedAt) throw new CordonError('CONSTRAINT', `The key of ${o.name} (${o.bureau.code}) was revoked; it cannot be verified.`);
  if (fingerprint !== undefined && normaliseFingerprint(fingerprint) !== o.fingerprint) {
    throw new CordonError('CONSTRAINT', `The fingerprint you read does not match the key of ${o.name} (${o.bureau.code}); do not trust this key.`);
  }
  const now = new Date().toISOString();
  c.write(() => {
    c.db.prepare('UPDATE officers SET verified_at = ?, verified_by = ? WHERE id = ?').run(now, c.actor, id);
    c.audit.append({ actor: c.actor, action: 'officer.verify', target: id, detail: { fingerprint: o.fingerprint } });
  });
  return getOfficer(c.db, id);
}

export function revokeOfficer(c: Case, id: string, reason: string): OfficerView {
  const o = getOfficer(c.db, id);
  if (o.revokedAt) return o;
  const now = new Date().toISOString();
  c.write(() => {
    c.db.prepare('UPDATE officers SET revoked_at = ?, revoked_by = ?, revoked_reason = ? WHERE id = ?').run(now, c.actor, reason, id);
    c.audit.append({ actor: c.actor, action: 'officer.revoke', target: id, detail: { reason, fingerprint: o.fingerprint } });
  });
  return getOfficer(c.db, id);
}

/** Why an officer's key may not be used for exchange right now, or null when it may. */
export function unusableReason(o: OfficerView): string | null {
  const who = `${o.name} (${o.bureau.code}, ${o.fingerprintGroups})`;
  switch (o.status) {
    case 'revoked':
      return `the key of ${who} was revoked on ${o.revokedAt!.slice(0, 10)}${o.revokedReason ? ` (${o.revokedReason})` : ''}`;
    case 'expired':
      return `the key of ${who} expired on ${o.validUntil!.slice(0, 10)}`;
    case 'unverified':
      return `the key of ${who} has not been verified; check its fingerprint with the officer and mark it verified`;
    default:
      return null;
  }
}

/** An officer as a package's recipient (or sender) is shown. */
export function recipientView(o: OfficerView): RecipientView {
  return { id: o.id, name: o.name, bureau: o.bureau.code, fingerprintGroups: o.fingerprintGroups };
}
