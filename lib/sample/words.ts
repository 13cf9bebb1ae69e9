/** Word lists the sample's titles and names are built from (our own, kept short and neutral). */

export const TITLE_ADJECTIVES = [
  'Golden', 'Electric', 'Quiet', 'Broken', 'Neon', 'Silver', 'Wild', 'Lonely', 'Sweet', 'Crimson', 'Paper',
  'Velvet', 'Heavy', 'Little', 'Endless', 'Lucky', 'Cold', 'Burning', 'Secret', 'Holy', 'Faded', 'Blue', 'Glass',
  'Sunday', 'Midnight', 'Cosmic', 'Honest', 'Restless', 'Tender', 'Perfect', 'Hollow', 'Bright', 'Slow', 'Savage',
] as const;

export const TITLE_NOUNS = [
  'Heart', 'Summer', 'Lights', 'River', 'Dreams', 'Fire', 'Ghost', 'Highway', 'Rain', 'Stars', 'City', 'Angel',
  'Waves', 'Thunder', 'Shadows', 'Diamonds', 'Mirror', 'Garden', 'Echoes', 'Satellite', 'Paradise', 'Hour',
  'Motion', 'Roses', 'Sky', 'Gravity', 'Skin', 'Storm', 'Kingdom', 'Ocean', 'Memory', 'Signal', 'Feeling', 'Money',
] as const;

export const TITLE_PHRASES = [
  'Say It Again', 'Never Let Go', 'Call Me Back', 'Hold On', 'Dance With Me', 'Too Late', 'All Night',
  'Come Home', 'Run Away', 'Feel It', 'Stay', 'Don\'t Stop', 'Tell Me Why', 'On My Mind', 'Take It Slow',
  'Good Days', 'Missing You', 'One More Time', 'Let It Burn', 'Falling Apart', 'Back To You', 'Way Up',
  'No Regrets', 'Low Key', 'Better Now', 'In My Head', 'Last Call', 'Right Here', 'So Alive', 'Over Again',
] as const;

export const HOLIDAY_TITLES = [
  'Snow On Main Street', 'Christmas Lights Again', 'Home For December', 'Mistletoe Moon', 'Winter Wish',
  'Sleigh Ride Tonight', 'Jingle All Night', 'Last Christmas Eve', 'Frosty Windows', 'Under The Tree',
  'Silent Snowfall', 'December Kiss', 'Holiday Hearts', 'Candy Cane Lane', 'All I Want Is Snow', 'Merry Little Lights',
] as const;

/** German words for local hits on the German chart. */
export const GERMAN_TITLE_WORDS = [
  'Nachts', 'Sommerregen', 'Herzschlag', 'Ohne Dich', 'Mondlicht', 'Straßenlaternen', 'Für Immer', 'Blaulicht',
  'Zuhause', 'Nie Wieder', 'Goldene Zeiten', 'Kopfkino', 'Atemlos Im Regen', 'Bis Morgen', 'Wolkenlos', 'Chaos',
] as const;

export const FIRST_NAMES = [
  'Luna', 'Milo', 'Ava', 'Kai', 'Nora', 'Eli', 'Zara', 'Leo', 'Maya', 'Jude', 'Iris', 'Theo', 'Ruby', 'Nico', 'Cleo',
  'Finn', 'Lena', 'Omar', 'Sade', 'Rio', 'Tessa', 'Jonah', 'Mina', 'Ezra', 'Skye', 'Remy', 'Jada', 'Felix', 'Nia',
  'Caleb', 'Elsa', 'Marlon', 'Hana', 'Dario', 'Lyla', 'Tobias', 'Amara', 'Jasper', 'Yara', 'Miles',
] as const;

export const LAST_NAMES = [
  'Vale', 'Rivers', 'Stone', 'Hart', 'Monroe', 'Blake', 'Cruz', 'Wilde', 'Frost', 'Lane', 'Quinn', 'Reyes', 'Grant',
  'Sloane', 'Knight', 'Marsh', 'Vega', 'Black', 'Hayes', 'Moreau', 'Kane', 'Rowe', 'Sterling', 'Bishop', 'Chase',
  'Fontaine', 'West', 'Harlow', 'Ellis', 'Park', 'Novak', 'Santos', 'Weber', 'Adler', 'Okafor', 'Lindqvist',
] as const;

export const STAGE_PREFIXES = ['Lil', 'Young', 'DJ', 'MC', 'Big', 'Saint', 'King', 'Baby'] as const;

export const STAGE_WORDS = [
  'Nova', 'Kairo', 'Vex', 'Blaze', 'Echo', 'Zephyr', 'Onyx', 'Juno', 'Cyrus', 'Rayne', 'Jett', 'Sol', 'Ace', 'Nyx',
  'Tempo', 'Haze', 'Koda', 'Lux', 'Drift', 'Pharaoh', 'Saga', 'Indigo', 'Ozone', 'Rebel', 'Fable', 'Atlas',
] as const;

export const BAND_ADJECTIVES = [
  'Paper', 'Midnight', 'Silver', 'Arctic', 'Golden', 'Velvet', 'Neon', 'Wandering', 'Electric', 'Hollow', 'Crystal',
  'Rusty', 'Lunar', 'Wild', 'Northern', 'Painted',
] as const;

export const BAND_NOUNS = [
  'Wolves', 'Kites', 'Lanterns', 'Foxes', 'Pilots', 'Tides', 'Ravens', 'Satellites', 'Horses', 'Machines', 'Giants',
  'Strangers', 'Parade', 'Collective', 'Orchestra', 'Club',
] as const;

export const ALBUM_WORDS = [
  'Chapters', 'Seasons', 'Afterglow', 'Blueprint', 'Horizons', 'Letters', 'Rooms', 'Currents', 'Volumes', 'Tapes',
  'Sessions', 'Stories', 'Daydreams', 'Frequencies', 'Postcards', 'Silhouettes',
] as const;
