import { describe, expect, it } from 'vitest';
import { artistKey, matchKey, normalizeName, normalizeTitle, splitArtists } from './match-key';

describe('normalizeName', () => {
  it('folds case, accents, punctuation and apostrophes', () => {
    expect(normalizeName('Beyoncé')).toBe('beyonce');
    expect(normalizeName('Måneskin')).toBe('maneskin');
    expect(normalizeName('Don’t Stop Me Now!')).toBe('dont stop me now');
    expect(normalizeName("Don't  Stop   Me Now")).toBe('dont stop me now');
    expect(normalizeName('Rock & Roll')).toBe(normalizeName('Rock and Roll'));
    expect(normalizeName('P!nk')).toBe('p nk');
  });

  it('keeps letters of other scripts', () => {
    expect(normalizeName('夜に駆ける')).toBe('夜に駆ける');
    expect(normalizeName('Дискотека Авария')).toBe('дискотека авария');
  });
});

describe('normalizeTitle', () => {
  it.each([
    ['Bohemian Rhapsody - Remastered 2011', 'bohemian rhapsody'],
    ['Jump - 2015 Remaster', 'jump'],
    ['Here Comes The Sun - Remastered', 'here comes the sun'],
    ['Africa (Remastered 2019)', 'africa'],
    ['Blinding Lights (Radio Edit)', 'blinding lights'],
    ['Levitating (feat. DaBaby)', 'levitating'],
    ['Levitating [feat. DaBaby]', 'levitating'],
    ['Levitating feat. DaBaby', 'levitating'],
    ['Levitating ft DaBaby', 'levitating'],
    ['Stay (with Justin Bieber)', 'stay'],
    ['Miss You - Bonus Track', 'miss you'],
    ['2 On (feat. ScHoolboy Q)', '2 on'],
    ['Song - feat. Someone', 'song'],
    ['Song (feat. A) - Radio Edit', 'song'],
    ['Un Finde | CROSSOVER #2', 'un finde crossover 2'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeTitle(input)).toBe(expected);
  });

  it('keeps remixes, live and acoustic versions distinct', () => {
    expect(normalizeTitle('Memories - Dillon Francis Remix')).not.toBe(normalizeTitle('Memories'));
    expect(normalizeTitle('Hotel California - Live')).not.toBe(normalizeTitle('Hotel California'));
    expect(normalizeTitle('Layla (Acoustic)')).not.toBe(normalizeTitle('Layla'));
  });

  it('does not strip words that only look like markers', () => {
    expect(normalizeTitle('Edit Me')).toBe('edit me');
    expect(normalizeTitle('With or Without You')).toBe('with or without you');
    expect(normalizeTitle('Feather')).toBe('feather');
  });

  it('falls back to the plain title when stripping would leave nothing', () => {
    expect(normalizeTitle('(Radio Edit)')).toBe('radio edit');
    expect(normalizeTitle('!!!')).toBe('!!!');
  });
});

describe('splitArtists', () => {
  it.each([
    ['Drake', ['Drake']],
    ['A feat. B', ['A', 'B']],
    ['A Feat. B', ['A', 'B']],
    ['A ft. B', ['A', 'B']],
    ['Lil Nas X Featuring Billy Ray Cyrus', ['Lil Nas X', 'Billy Ray Cyrus']],
    ['A Featuring B & C', ['A', 'B', 'C']],
    ['A, B', ['A', 'B']],
    ['David Guetta, Bebe Rexha', ['David Guetta', 'Bebe Rexha']],
    ['Tinashe; ScHoolboy Q', ['Tinashe', 'ScHoolboy Q']],
    ['Marshmello x Bastille', ['Marshmello', 'Bastille']],
    ['Bing Crosby With The Andrews Sisters', ['Bing Crosby', 'The Andrews Sisters']],
    ['Simon & Garfunkel', ['Simon & Garfunkel']],
    ['Hootie & The Blowfish', ['Hootie & The Blowfish']],
    ['Earth, Wind & Fire', ['Earth, Wind & Fire']],
    ['Earth, Wind & Fire, The Emotions', ['Earth, Wind & Fire', 'The Emotions']],
    ['Tyler, The Creator, Kali Uchis', ['Tyler, The Creator', 'Kali Uchis']],
    ['Perez Prado And His Orchestra', ['Perez Prado And His Orchestra']],
    ['A, A', ['A']],
    ['  ', []],
  ])('%s', (credit, expected) => {
    expect(splitArtists(credit)).toEqual(expected);
  });

  it('does not split a capital X that is part of a name', () => {
    expect(splitArtists('Malcolm X Band')).toEqual(['Malcolm X Band']);
  });
});

describe('matchKey', () => {
  it('is the same for one song written differently', () => {
    const k = matchKey('Bohemian Rhapsody - Remastered 2011', 'Queen');
    expect(matchKey('BOHEMIAN RHAPSODY', 'queen')).toBe(k);
    expect(matchKey('Levitating (feat. DaBaby)', 'Dua Lipa')).toBe(matchKey('Levitating', 'Dua Lipa'));
    expect(matchKey('Beggin’', 'Maneskin')).toBe(matchKey("Beggin'", 'Måneskin'));
  });

  it('reads "A & B" and "A" as the same primary credit, and ignores a leading "The"', () => {
    expect(matchKey('La Bebe', 'Yng Lvcas & Peso Pluma')).toBe(matchKey('La Bebe', 'Yng Lvcas'));
    expect(matchKey('Help!', 'The Beatles')).toBe(matchKey('Help', 'Beatles'));
  });

  it('never gives two songs that only share a title the same key', () => {
    expect(matchKey('Hello', 'Adele')).not.toBe(matchKey('Hello', 'Lionel Richie'));
    expect(matchKey('Stay', 'The Kid LAROI')).not.toBe(matchKey('Stay', 'Rihanna'));
  });

  it('fits varchar(255) and stays unique when long', () => {
    const a = matchKey('x'.repeat(400), 'Artist');
    const b = matchKey(`${'x'.repeat(399)}y`, 'Artist');
    expect(a.length).toBeLessThanOrEqual(255);
    expect(b.length).toBeLessThanOrEqual(255);
    expect(a).not.toBe(b);
  });
});

describe('artistKey', () => {
  it('normalises and fits the column', () => {
    expect(artistKey('Beyoncé')).toBe('beyonce');
    expect(artistKey('a'.repeat(300)).length).toBe(255);
  });
});
