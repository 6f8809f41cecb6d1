import { tokenize, styledCharsFromTokens } from '@alcalzone/ansi-tokenize';
for (const s of ['a\u200Bb', 'e\u0301x', '👨‍👩‍👧x', 'a\u00ADb', '\u202Eab']) console.log(JSON.stringify(styledCharsFromTokens(tokenize(s)).map(c=>c.value)));
