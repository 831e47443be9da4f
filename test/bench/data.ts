import { mulberry32 } from '../../electron/core/analysis/random';
import type { ImportSpec } from '../../shared/interchange/api';

// Deterministic, realistic-looking synthetic case data for the store benchmark: multilingual
// names with diacritics (so that the FTS case/accent folding is exercised), aliases, dates of birth
// and national ID numbers for people; calls and associations between them.

/** Seeded, so that both runs (encrypted / plain) insert the same data: the analysis PRNG. */
export const rng = mulberry32;

/** A call-record CSV (caller, receiver, date, duration): a Person per phone number, a Call per row. */
export const CALLS_SPEC: ImportSpec = {
  version: 1,
  format: { header: true, delimiter: ',' },
  source: { title: 'Telecom return (bench)', scheme: 'eu4x4', grade: 'B2' },
  entities: [
    { key: 'caller', schema: 'Person', properties: { phone: { column: 'caller' } }, identity: ['phone'] },
    { key: 'receiver', schema: 'Person', properties: { phone: { column: 'receiver' } }, identity: ['phone'] },
  ],
  links: [{ schema: 'Call', from: 'caller', to: 'receiver', properties: { date: { column: 'date' }, duration: { column: 'duration' } } }],
};

export const FIRST_NAMES = [
  'José', 'María', 'Zoë', 'François', 'Jürgen', 'Søren', 'Łukasz', 'Ángel', 'Çağla', 'Mehmet', 'Ioana', 'Dragoș',
  'Jiří', 'Tomáš', 'Ágnes', 'Gergő', 'Björn', 'Åsa', 'Hélène', 'Rémi', 'Noël', 'Inês', 'João', 'Conceição',
  'Nguyễn', 'Thảo', 'Đức', 'Ólafur', 'Þórunn', 'Eoghan', 'Siobhán', 'Pádraig', 'Małgorzata', 'Wojciech', 'Željko',
  'Dušan', 'Miloš', 'Snežana', 'Ivana', 'Andrés', 'Raúl', 'Sebastián', 'Lucía', 'Ramón', 'Giuseppe', 'Niccolò',
  'Salvatore', 'Carmela', 'Gennaro', 'Concetta', 'Ciro', 'Domenico', 'Rocco', 'Antonino', 'Francesca', 'Giulia',
  'Matteo', 'Luca', 'Marco', 'Alessandro', 'Paolo', 'Vincenzo', 'Pasquale', 'Anna', 'Sofia', 'Emma', 'Liam',
  'Noah', 'Olivia', 'Amelia', 'Oliver', 'George', 'Harry', 'Jack', 'Charlotte', 'Mohammed', 'Ahmed', 'Youssef',
  'Fatima', 'Khadija', 'Hamza', 'Omar', 'Karim', 'Nadia', 'Leïla', 'Aïcha', 'Moussa', 'Ibrahima', 'Mamadou',
  'Aminata', 'Dmitri', 'Sergei', 'Olga', 'Natalia', 'Yuri', 'Anastasia', 'Vladimir', 'Tatiana', 'Andrzej',
  'Krzysztof', 'Grzegorz', 'Bogdan', 'Petar', 'Stjepan', 'Goran', 'Zoran', 'Vesna', 'Arjan', 'Fatmir', 'Elvis',
  'Besnik', 'Albana', 'Gëzim', 'Dritan', 'Erzsébet', 'Zsófia', 'Lőrinc', 'Kateřina', 'Věra', 'Ondřej', 'Håkon',
  'Øyvind', 'Kåre', 'Sigrún', 'Hafþór', 'Eilís', 'Íñigo', 'Begoña', 'Nerea', 'Aitor', 'Xosé', 'Anxo',
];

export const LAST_NAMES = [
  'García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Núñez',
  'Ibáñez', 'Muñoz', 'Peña', 'Castaño', 'Müller', 'Schröder', 'Köhler', 'Groß', 'Weiß', 'Jäger', 'Bäcker',
  'Hoffmann', 'Lefèvre', 'Mercier', 'Bérénger', 'Côté', 'Gagné', 'Lévesque', 'Bélanger', 'Ćirić', 'Đorđević',
  'Jovanović', 'Petrović', 'Nikolić', 'Marković', 'Đukić', 'Živković', 'Stojanović', 'Kovačević', 'Babić',
  'Horvat', 'Šarić', 'Vuković', 'Knežević', 'Dvořák', 'Novák', 'Svoboda', 'Černý', 'Procházka', 'Kučera',
  'Veselý', 'Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga', 'Kiss', 'Molnár', 'Németh', 'Farkas',
  'Balázs', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski',
  'Kozłowski', 'Jankowski', 'Mazur', 'Krawczyk', 'Piotrowski', 'Grabowski', 'Nowakowski', 'Pawłowski', 'Michalski',
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan',
  'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek', 'Esposito', 'Russo', 'Romano',
  'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano',
  'Rizzo', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara',
  'Galli', 'Martini', 'Leone', 'Longo', 'Gentile', 'Martinelli', 'Vitale', 'Lombardo', 'Serra', 'Coppola',
  'De Santis', "D'Angelo", 'Marchetti', 'Parisi', 'Villa', 'Conte', 'Ferraro', 'Ferri', 'Fabbri', 'Bianco',
  'Marini', 'Grasso', 'Valentini', 'Messina', 'Sala', 'De Angelis', 'Gatti', 'Pellegrini', 'Palumbo', 'Sanna',
  'Farina', 'Rizzi', 'Monti', 'Cattaneo', 'Morelli', 'Amato', 'Silvestri', 'Mazza', 'Testa', 'Grassi',
  'Pellegrino', 'Carbone', 'Giuliani', 'Benedetti', 'Barone', 'Rossetti', 'Caputo', 'Montanari', 'Guerra',
  'Palmieri', 'Bernardi', 'Martino', 'Fiore', 'De Rosa', 'Ferretti', 'Bellini', 'Basile', 'Riva', 'Donati',
  'Piras', 'Vitali', 'Battaglia', 'Sartori', 'Neri', 'Costantini', 'Milani', 'Pagano', 'Ruggiero', 'Sorrentino',
  "D'Amico", 'Orlando', 'Damico', 'Negri', 'Ólafsdóttir', 'Guðmundsson', 'Sigurðsson', 'Jónsdóttir', 'Ó Briain',
  "Ní Bhriain", 'Mac Giolla', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ',
  'Ben Salah', 'El Amrani', 'Bouazizi', 'Haddad', 'Benali', 'Mansouri', 'Chérif', 'Traoré', 'Diallo', 'Koné',
  'Ouédraogo', 'Sissoko', 'Hoxha', 'Berisha', 'Krasniqi', 'Gashi', 'Shala', 'Çollaku', 'Kelmendi', 'Morina',
  'Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Vasiliev', 'Sokolov', 'Mikhailov', 'Fedorov', 'Morozov', 'Volkov',
];

export const ALIASES = [
  'El Flaco', 'El Gordo', 'Il Biondo', "'O Russo", 'Le Gitan', 'Pépé', 'Zé Pequeno', 'Tonino', 'Totò', 'Scarface',
  'La Güera', 'El Chapo', 'Łysy', 'Kruk', 'Baba', 'Tigar', 'Vuk', 'Šef', 'Kralj', 'Doktor', 'Professore',
  "U Curtu", "'A Zarina", 'Il Cinese', 'Lo Zingaro', 'El Mexicano', 'Chucho', 'Pablito', 'Don Ciccio', 'Kemal Baba',
  'Reis', 'Patron', 'Le Belge', "L'Avocat", 'Le Marseillais', 'Der Pate', 'Schnitzel', 'Bär', 'Kaiser', 'Jäger',
  'Ósmy', 'Żyleta', 'Kräher', 'Høvding', 'Hákarl', 'Fantasma', 'Sombra', 'Relámpago', 'Escorpión', 'Camaleón',
  'Pirañha', 'Águila', 'Cóndor', 'Lince', 'Halcón', 'Ñoño', 'Güero', 'Tío', 'Compadre', 'Patrão',
];

const COUNTRIES = ['IT', 'ES', 'FR', 'DE', 'NL', 'BE', 'PT', 'PL', 'RO', 'HR', 'RS', 'AL', 'TR', 'SE', 'IE', 'CZ', 'HU', 'GR'];
const RELATIONSHIPS = ['business partner', 'co-defendant', 'associate', 'courier', 'cell-mate', 'neighbour', 'childhood friend', 'money mule'];
const LETTERS = [...'ABCDEFGHJKLMNPRSTUVWXYZ'];

export interface PersonRow {
  name: string;
  second: ['alias' | 'birthDate', string];
  idNumber: string;
  first: string;
  last: string;
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

/** Person number i (deterministic in the seed stream); the ID number embeds i, so it is unique. */
export function person(r: () => number, i: number): PersonRow {
  const first = pick(r, FIRST_NAMES);
  let last = pick(r, LAST_NAMES);
  if (r() < 0.25) last = `${last} ${pick(r, LAST_NAMES)}`;
  const middle = r() < 0.15 ? ` ${pick(r, FIRST_NAMES)}` : '';
  const name = `${first}${middle} ${last}`;
  let second: PersonRow['second'];
  if (r() < 0.5) {
    second = ['alias', pick(r, ALIASES)];
  } else {
    const y = 1940 + Math.floor(r() * 66);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    second = ['birthDate', `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`];
  }
  const country = pick(r, COUNTRIES);
  const idNumber = `${country}-${pick(r, LETTERS)}${pick(r, LETTERS)}${String(i * 7919 + 1_000_003).padStart(9, '0')}`;
  return { name, second, idNumber, first, last };
}

export interface LinkRow {
  schema: 'Call' | 'Associate';
  from: number;
  to: number;
  properties: Record<string, string[]>;
}

/** A link between two distinct people, chosen uniformly at random among the first `n`. */
export function link(r: () => number, n: number): LinkRow {
  const from = Math.floor(r() * n);
  let to = Math.floor(r() * (n - 1));
  if (to >= from) to++;
  if (r() < 0.6) {
    const props: Record<string, string[]> =
      r() < 0.5
        ? { count: [String(1 + Math.floor(r() * 40))] }
        : { date: [`20${String(10 + Math.floor(r() * 15))}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`] };
    return { schema: 'Call', from, to, properties: props };
  }
  return { schema: 'Associate', from, to, properties: { relationship: [pick(r, RELATIONSHIPS)] } };
}
