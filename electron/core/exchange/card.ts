import type { KeyObject } from 'node:crypto';
import { CordonError } from '../../../shared/errors';
import { canonicalJson } from '../store/audit';
import { CARD_FORMAT, cardBodySchema, cardSchema, describeIssues, FORMAT_VERSION, SIG_CONTEXT, type Card, type CardBody } from './format';
import { decodeSigningKey, encodeSigningKey, officerFingerprint, signBytes, verifyBytes } from './keys';

// "My contact card": the officer's details and public keys, signed with the officer's own signing
// key. The self-signature proves the card was made by whoever holds that key, not who they are;
// that is what checking the fingerprint in person or by voice is for.

export interface CardInput {
  bureau: CardBody['bureau'];
  officer: CardBody['officer'];
  signingPublic: Buffer;
  ageRecipient: string;
  validFrom: string;
  validUntil: string | null;
}

export function buildCard(input: CardInput, signer: KeyObject): Card {
  const card: CardBody = {
    format: CARD_FORMAT,
    version: FORMAT_VERSION,
    bureau: input.bureau,
    officer: input.officer,
    keys: { signing: encodeSigningKey(input.signingPublic), age: input.ageRecipient },
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    created: new Date().toISOString(),
  };
  const signature = signBytes(signer, SIG_CONTEXT.card, Buffer.from(canonicalJson(card), 'utf8')).toString('base64');
  return { card, signature, fingerprint: officerFingerprint(input.signingPublic, input.ageRecipient) };
}

const reject = (why: string) => new CordonError('INVALID_INPUT', `Not a valid contact card: ${why}.`);

/** Parses a card file and checks its self-signature and fingerprint. */
export function readCard(text: string): Card {
  if (text.length > 64 * 1024) throw reject('the file is larger than a card can be');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw reject('it is not JSON');
  }
  const version = (raw as { card?: { version?: unknown } })?.card?.version;
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    throw reject(`it is format version ${version}, newer than this Cordon reads (${FORMAT_VERSION}); update Cordon`);
  }
  const parsed = cardSchema.safeParse(raw);
  if (!parsed.success) throw reject(describeIssues(parsed.error));
  const card = parsed.data;
  cardBodySchema.parse(card.card);
  const signingPublic = decodeSigningKey(card.card.keys.signing);
  const ok = verifyBytes(signingPublic, SIG_CONTEXT.card, Buffer.from(canonicalJson(card.card), 'utf8'), Buffer.from(card.signature, 'base64'));
  if (!ok) throw reject('its self-signature does not verify (the card was altered)');
  if (officerFingerprint(signingPublic, card.card.keys.age) !== card.fingerprint) throw reject('its fingerprint does not match its keys');
  return card;
}
