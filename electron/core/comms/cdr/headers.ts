import type { CdrMapping } from '../../../../shared/comms/api';
import type { CdrField } from '../../../../shared/comms/dto';

// Header recognition for operators' call-record exports, in English, French and Spanish. A header
// is compared folded (case, accents, spaces and punctuation removed), first exactly, then as a
// known word inside it ("N° appelant" → appelant). The mapping found is printed and saved with the
// import, so an analyst can correct it and give it back with --mapping.

const fold = (h: string) =>
  h
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

const WORDS: Record<CdrField, readonly string[]> = {
  caller: [
    'anumber', 'numeroa', 'numa', 'aparty', 'msisdna', 'calling', 'callingnumber', 'callingparty', 'caller', 'callernumber', 'originating',
    'originatingnumber', 'origin', 'from', 'fromnumber', 'appelant', 'numeroappelant', 'nappelant', 'emetteur', 'llamante',
    'numerollamante', 'origen', 'numeroorigen', 'abonadoa',
  ],
  callee: [
    'bnumber', 'numerob', 'numb', 'bparty', 'msisdnb', 'called', 'callednumber', 'calledparty', 'callee', 'calleenumber', 'receiver',
    'receivernumber', 'terminating', 'terminatingnumber', 'destination', 'to', 'tonumber', 'appele', 'numeroappele', 'nappele',
    'destinataire', 'llamado', 'numerollamado', 'destino', 'numerodestino', 'abonadob',
  ],
  msisdn: ['msisdn', 'target', 'targetnumber', 'subscriber', 'cible', 'numerocible', 'ligne', 'abonado', 'linea', 'numeroabonado'],
  other: ['otherparty', 'othernumber', 'counterpart', 'correspondent', 'correspondant', 'numerocorrespondant', 'interlocutor', 'contraparte', 'otronumero'],
  direction: ['direction', 'inout', 'sens', 'sentido', 'direccion'],
  type: ['type', 'calltype', 'eventtype', 'recordtype', 'service', 'typeappel', 'typedappel', 'typeevenement', 'nature', 'tipo', 'tipollamada', 'tipoevento', 'servicio'],
  start: [
    'start', 'starttime', 'startdatetime', 'startdate', 'datetime', 'begin', 'begintime', 'timestamp', 'calldatetime', 'debut', 'datedebut',
    'dateheure', 'dateetheure', 'horodatage', 'datehoraire', 'inicio', 'fechahora', 'fechainicio', 'fechayhora', 'horainicio',
  ],
  date: ['date', 'calldate', 'day', 'jour', 'fecha', 'dia'],
  time: ['time', 'calltime', 'hour', 'heure', 'heuredebut', 'hora'],
  duration: [
    'duration', 'durationsec', 'durations', 'durationseconds', 'callduration', 'secs', 'seconds', 'duree', 'dureesec', 'dureesecondes',
    'dureeappel', 'duracion', 'duracionseg', 'duracionsegundos', 'segundos',
  ],
  imei: ['imei', 'imeisv', 'imeia', 'handset', 'terminal', 'imeiterminal'],
  imsi: ['imsi', 'imsia', 'sim'],
  cell: ['cell', 'cellid', 'cgi', 'ecgi', 'cella', 'cellida', 'startcell', 'firstcell', 'cellule', 'idcellule', 'celluledebut', 'celda', 'idcelda', 'celdainicio', 'antenna', 'antenne', 'antena', 'bts'],
  calleeCell: ['cellb', 'cellidb', 'bcell', 'cellulebb', 'celluleb', 'celdab'],
  lac: ['lac', 'locationareacode', 'lacid'],
  ci: ['ci', 'cid', 'cellidentity'],
  latitude: ['lat', 'latitude', 'celllat', 'celllatitude', 'latitud'],
  longitude: ['lon', 'lng', 'long', 'longitude', 'celllon', 'celllongitude', 'longitud'],
};

/** Order of the second pass (a word inside a header): the longer, more specific words first. */
const INSIDE: Array<[CdrField, string]> = Object.entries(WORDS)
  .flatMap(([f, ws]) => ws.filter((w) => w.length >= 5).map((w) => [f as CdrField, w] as [CdrField, string]))
  .sort((a, b) => b[1].length - a[1].length);

export interface Recognised {
  columns: Partial<Record<CdrField, string>>;
  unplaced: string[];
}

/** Places each header on a field (each field once, the first header that fits). */
export function recognise(headers: readonly string[]): Recognised {
  const columns: Partial<Record<CdrField, string>> = {};
  const placed = new Set<number>();
  const folded = headers.map(fold);
  for (const [field, words] of Object.entries(WORDS) as Array<[CdrField, readonly string[]]>) {
    const i = folded.findIndex((h, k) => !placed.has(k) && words.includes(h));
    if (i >= 0) {
      columns[field] = headers[i]!;
      placed.add(i);
    }
  }
  for (let k = 0; k < headers.length; k++) {
    if (placed.has(k) || folded[k] === '') continue;
    const hit = INSIDE.find(([f, w]) => columns[f] === undefined && folded[k]!.includes(w));
    if (hit) {
      columns[hit[0]] = headers[k]!;
      placed.add(k);
    }
  }
  return { columns, unplaced: headers.filter((h, k) => !placed.has(k) && h.trim() !== '') };
}

/** What a mapping lacks to read a call record; empty when it can. */
export function missingFields(m: Pick<CdrMapping, 'columns'>): string[] {
  const c = m.columns;
  const missing: string[] = [];
  const parties = (c.caller && c.callee) || (c.msisdn && c.other);
  if (!parties) missing.push('the two numbers (caller and receiver, or MSISDN and other party)');
  if (!c.start && !c.date) missing.push('the start time (a date-time, or a date and a time)');
  return missing;
}
