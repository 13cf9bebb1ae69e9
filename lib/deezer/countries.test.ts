import { describe, expect, it } from 'vitest';
import { parseTopLists } from './countries';

describe('parseTopLists', () => {
  it('always starts with the global chart and resolves known countries and explicit playlists', () => {
    expect(parseTopLists(['US', 'fr', 'nl:1266971851', 'us'])).toEqual([
      { country: 'global', playlistId: null },
      { country: 'us', playlistId: 1313621735 },
      { country: 'fr', playlistId: 1109890291 },
      { country: 'nl', playlistId: 1266971851 },
    ]);
  });
  it('names what is wrong with a bad entry', () => {
    expect(() => parseTopLists(['usa'])).toThrow(/"usa" is not a country code/);
    expect(() => parseTopLists(['zz'])).toThrow(/no known Deezer top list for "zz"; give its playlist as "zz:<playlistId>"/);
  });
});
