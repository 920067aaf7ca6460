import { at, type Rng } from './random.js';

/*
 * Invented names. First names are common given names; surnames are assembled from syllables so a
 * full name is plainly synthetic. A few accented first names keep UTF-8 handling honest.
 * No entry contains a comma or a quote.
 */

const FIRST_NAMES = [
  'Aaron', 'Abdul', 'Adam', 'Aisha', 'Alan', 'Alex', 'Amir', 'Amy', 'Andrew', 'Ava', 'Ben', 'Bethany',
  'Bradley', 'Callum', 'Carl', 'Charlotte', 'Chloé', 'Chris', 'Connor', 'Craig', 'Dáire', 'Daniel',
  'Darren', 'Dean', 'Declan', 'Dominic', 'Ellie', 'Emma', 'Ethan', 'Faisal', 'Gareth', 'Gemma', 'Grace',
  'Hannah', 'Harry', 'Imran', 'Jack', 'Jade', 'Jake', 'James', 'Jamie', 'Jason', 'Jordan', 'José',
  'Josh', 'Kayleigh', 'Kieran', 'Kyle', 'Lauren', 'Leah', 'Lee', 'Leon', 'Liam', 'Lewis', 'Luke',
  'Marcus', 'Mark', 'Martin', 'Megan', 'Michael', 'Mohammed', 'Nathan', 'Neil', 'Nicola', 'Oliver',
  'Omar', 'Owen', 'Paul', 'Priya', 'Reece', 'Renée', 'Rhys', 'Ricky', 'Ryan', 'Sam', 'Sarah', 'Scott',
  'Sean', 'Shane', 'Siân', 'Sophie', 'Stacey', 'Stephen', 'Stuart', 'Tariq', 'Tom', 'Tyler', 'Wayne',
  'Zoë', 'Zak',
] as const;

const SURNAME_HEADS = [
  'Ash', 'Brack', 'Cald', 'Dun', 'Elm', 'Fen', 'Gart', 'Hollow', 'Ives', 'Kerr', 'Lang', 'Mott',
  'Nether', 'Orr', 'Pell', 'Quill', 'Rook', 'Sedge', 'Thorn', 'Ure', 'Vell', 'Wend', 'Yarrow', 'Brin',
  'Crom', 'Dray', 'Frith', 'Gorm', 'Hask', 'Lorn', 'Marr', 'Penn', 'Rask', 'Skel', 'Tarr', 'Wick',
] as const;

const SURNAME_TAILS = [
  'ley', 'worth', 'field', 'by', 'son', 'ridge', 'ton', 'well', 'mere', 'stead', 'combe', 'er', 'ham',
  'lock', 'more', 'wood', 'gate', 'shaw', 'ford', 'low', 'dale', 'ett', 'ick', 'hurst',
] as const;

function surname(rng: Rng): string {
  const base = rng.pick(SURNAME_HEADS) + rng.pick(SURNAME_TAILS);
  // Some double-barrelled and O' names, as nDelius holds them, with no quoting needed.
  if (rng.chance(0.03)) return `${base}-${rng.pick(SURNAME_HEADS)}${rng.pick(SURNAME_TAILS)}`;
  if (rng.chance(0.02)) return `O'${base}`;
  return base;
}

export function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${surname(rng)}`;
}

const PLACE_HEADS = ['Brack', 'Fen', 'Holl', 'Marl', 'Quen', 'Rook', 'Stav', 'Thorn', 'Wex', 'Yarl'] as const;
const PLACE_TAILS = ['mere', 'by', 'wick', 'ford', 'ham', 'stow', 'ington', 'dale', 'bury', 'combe'] as const;

/**
 * An invented place name for the PDU at `index` (0–99): the ten-by-ten grid, rotated by the seed,
 * gives every PDU of a national extract a different name.
 */
export function placeName(index: number, rotation: number): string {
  const head = at(PLACE_HEADS, (index + rotation) % PLACE_HEADS.length);
  const tail = at(PLACE_TAILS, (Math.floor(index / PLACE_HEADS.length) + rotation) % PLACE_TAILS.length);
  return head + tail;
}

const TEAM_AREAS = [
  'North', 'South', 'East', 'West', 'Central', 'Riverside', 'Hillside', 'Parkside', 'Vale', 'Moor',
  'Bridge', 'Market',
] as const;

/** Team names within a PDU; a PDU with more teams than areas numbers the rest. */
export function teamName(place: string, teamIndex: number): string {
  const area = at(TEAM_AREAS, teamIndex % TEAM_AREAS.length);
  const round = Math.floor(teamIndex / TEAM_AREAS.length);
  return round === 0 ? `${place} ${area}` : `${place} ${area} ${round + 1}`;
}
