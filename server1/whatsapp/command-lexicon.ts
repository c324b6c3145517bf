/**
 * Every word the command parser knows, with what it means. Kept apart from the
 * parsing rules so adding an alias (a new Hinglish spelling users actually
 * send) is a one-line data change.
 *
 * English, romanised Hindi (Hinglish) and Devanagari spellings live side by
 * side; Devanagari words are matched exactly, Latin words also with typos
 * (see parse-command.ts).
 */

/** Verbs that name one command on their own. */
export type Verb =
  | 'help'
  | 'status'
  | 'jobs'
  | 'apply'
  | 'skip'
  | 'approve'
  | 'pause'
  | 'resume'
  | 'coach'
  | 'score'
  | 'stop'
  | 'start';

/** What a switch or a toggle verb is aimed at: alerts (stop/start) or auto-apply (pause/resume). */
export type Topic = 'alerts' | 'autoapply';

export type Meaning =
  /** `weak`: ignored when a strong verb is also present ("apply job 2" is apply, not jobs) */
  | { type: 'verb'; verb: Verb; weak?: true }
  /** on/off words without a target: "shuru" / "band"; the topic decides start vs resume */
  | { type: 'switch'; on: boolean; weak?: true }
  | { type: 'topic'; topic: Topic }
  | { type: 'all' }
  | { type: 'number'; n: number }
  /** alone: a confirmation answer; next to a verb: politeness ("ok, jobs dikhao") */
  | { type: 'yes' }
  /** alone: a confirmation answer; next to a verb: a negation ("pause mat karo"), unless soft */
  | { type: 'no'; soft?: true }
  | { type: 'filler' };

const verb = (v: Verb, ...words: string[]): [string, Meaning][] =>
  words.map((w) => [w, { type: 'verb', verb: v }]);
const weakVerb = (v: Verb, ...words: string[]): [string, Meaning][] =>
  words.map((w) => [w, { type: 'verb', verb: v, weak: true }]);
const same = (meaning: Meaning, ...words: string[]): [string, Meaning][] =>
  words.map((w) => [w, meaning]);

export const LEXICON: ReadonlyMap<string, Meaning> = new Map<string, Meaning>([
  ...verb('help', 'help', 'menu', 'commands', 'command', 'options', 'madad', 'sahayata', 'मदद', 'सहायता', 'मेनू'),
  // Greetings open most first conversations; the menu is the right answer.
  ...verb('help', 'hi', 'hii', 'hello', 'helo', 'hey', 'namaste', 'namaskar', 'नमस्ते', 'नमस्कार'),
  ...verb('status', 'status', 'stats', 'stat', 'quota', 'plan', 'haal', 'hisaab', 'hisab', 'स्टेटस', 'स्थिति'),
  ...weakVerb('jobs', 'jobs', 'job', 'matches', 'match', 'naukri', 'naukriyan', 'naukriya', 'naukriyaan', 'vacancy', 'vacancies', 'openings', 'list', 'नौकरी', 'नौकरियां', 'नौकरियाँ', 'जॉब', 'जॉब्स'),
  ...verb('apply', 'apply', 'अप्लाई'),
  ...verb('skip', 'skip', 'chhodo', 'chodo', 'chhod', 'chod', 'hatao', 'reject', 'ignore', 'स्किप', 'छोड़ो', 'छोडो', 'हटाओ'),
  ...verb('approve', 'approve', 'approveall', 'manzoor', 'मंज़ूर', 'मंजूर'),
  ...verb('pause', 'pause', 'hold', 'ruko', 'roko', 'ruk', 'rok', 'रुको', 'रोको'),
  ...verb('resume', 'resume', 'continue', 'unpause'),
  ...verb('coach', 'coach', 'coaching', 'tip', 'tips', 'advice', 'salah', 'salaah', 'सलाह', 'कोच'),
  // "why 2" asks why job 2 scored what it did.
  ...verb('score', 'score', 'why', 'kyun', 'kyu', 'kyon', 'स्कोर', 'क्यों'),
  ...verb('stop', 'stop', 'unsubscribe', 'mute'),
  ...verb('start', 'start', 'subscribe', 'unmute'),
  ...same({ type: 'switch', on: true }, 'shuru', 'suru', 'chalu', 'chaalu', 'शुरू', 'शुरु', 'चालू'),
  ...same({ type: 'switch', on: false }, 'band', 'bandh', 'bund', 'off', 'बंद'),
  // "on" is mostly a preposition ("apply on job 2"); only a switch when nothing else is.
  ...same({ type: 'switch', on: true, weak: true }, 'on'),
  ...same({ type: 'topic', topic: 'alerts' }, 'alerts', 'alert', 'notifications', 'notification', 'messages', 'message', 'msgs', 'msg', 'updates', 'whatsapp', 'अलर्ट', 'मैसेज'),
  ...same({ type: 'topic', topic: 'autoapply' }, 'autoapply', 'auto', 'applying', 'applications'),
  ...same({ type: 'all' }, 'all', 'everything', 'sab', 'sabhi', 'sabko', 'saare', 'sare', 'sb', 'सब', 'सभी', 'सारे'),
  ...same({ type: 'yes' }, 'yes', 'y', 'yeah', 'yea', 'yep', 'yup', 'ok', 'okay', 'okk', 'k', 'sure', 'confirm', 'confirmed', 'done', 'haan', 'han', 'ha', 'haa', 'haanji', 'hanji', 'ji', 'theek', 'thik', 'accha', 'acha', 'हाँ', 'हां', 'हा', 'जी', 'ठीक'),
  ...same({ type: 'no' }, 'no', 'n', 'nope', 'nah', 'nahi', 'nahin', 'nhi', 'nai', 'cancel', 'mat', 'dont', 'not', 'never', 'नहीं', 'नही', 'मत', 'रद्द'),
  // "jobs dikhao na": a softener next to a verb, a plain "no" on its own.
  ...same({ type: 'no', soft: true }, 'na'),
  ...same(
    { type: 'filler' },
    'please', 'pls', 'plz', 'plzz', 'kindly', 'thanks', 'thank', 'thx', 'bhai', 'bro', 'sir', 'madam', 'yaar', 'dear',
    'me', 'my', 'mine', 'i', 'to', 'for', 'the', 'a', 'an', 'of', 'in', 'now', 'today', 'todays', 'top', 'show', 'send',
    'give', 'tell', 'check', 'see', 'want', 'what', 'is', 'it', 'this', 'that', 'number', 'num', 'nr',
    'karo', 'kar', 'kr', 'kro', 'kardo', 'krdo', 'kijiye', 'kare', 'dikhao', 'dikha', 'dikhaao', 'batao', 'bata',
    'bhejo', 'mujhe', 'mera', 'meri', 'mere', 'aaj', 'aj', 'ki', 'ka', 'ke', 'ko', 'pe', 'par', 'liye', 'abhi',
    'hai', 'he', 'wala', 'wali', 'se',
    'करो', 'कर', 'दिखाओ', 'बताओ', 'भेजो', 'मुझे', 'मेरा', 'मेरी', 'आज', 'की', 'का', 'के', 'को', 'पे', 'पर', 'है',
  ),
]);

/**
 * Number words. "do" (Hindi two) is not here: it is also "do it" in
 * "apply kar do", so the parser reads it as a number only right after a
 * numbered verb.
 */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5],
  ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5],
  ['ek', 1], ['teen', 3], ['char', 4], ['chaar', 4], ['paanch', 5], ['panch', 5], ['paach', 5],
  ['pehla', 1], ['pehli', 1], ['pahla', 1], ['doosra', 2], ['dusra', 2], ['doosri', 2], ['dusri', 2],
  ['teesra', 3], ['tisra', 3], ['teesri', 3], ['chautha', 4], ['chauthi', 4], ['paanchva', 5], ['panchva', 5],
  ['एक', 1], ['दो', 2], ['तीन', 3], ['चार', 4], ['पांच', 5], ['पाँच', 5],
]);

export const HINDI_TWO = 'do';
