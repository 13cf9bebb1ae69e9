/**
 * The project's own map from Spotify editorial playlists (the 2019–2021 archive) to listening
 * occasions, written from each playlist's name and description. Only playlists made for one
 * occasion are here; charts, genres, eras, artists and "new music" lists carry no occasion.
 */
export const EDITORIAL_OCCASIONS: Readonly<Record<string, string>> = {
  // workout
  '37i9dQZF1DX76Wlfdnj7AP': 'workout', // Beast Mode
  '7EYxnpva8IlIgJ42z96zXH': 'workout', // Morning Workout
  '37i9dQZF1DX32NsLKyzScr': 'workout', // Power Hour
  '37i9dQZF1DXdxcBWuJkbcy': 'workout', // Motivation Mix
  '37i9dQZF1DX1OY2Lp0bIPp': 'workout', // Monday Motivation
  '37i9dQZF1DXc5e2bJhV6pu': 'workout', // Morning Motivation
  '0Vjhah37el0Aq5yoRaujBz': 'workout', // Energy Boost
  // party
  '37i9dQZF1DXaXB8fQg7xif': 'party', // Dance Party
  '37i9dQZF1DX5Ozry5U6G0d': 'party', // Summer Party
  '37i9dQZF1DX8xfQRRX1PDm': 'party', // Bollywood Dance Music
  '37i9dQZF1DX1MUPbVKMgJE': 'party', // Disco Forever
  '37i9dQZF1DX6J5NfMJS675': 'party', // Techno Bunker
  '37i9dQZF1DXa8NOEUWPn9W': 'party', // Housewerk
  // focus
  '37i9dQZF1DWZeKCadgRdKQ': 'focus', // Deep Focus
  '37i9dQZF1DWXLeA8Omikj7': 'focus', // Brain Food
  '37i9dQZF1DWWQRwui0ExPn': 'focus', // Lo-Fi Beats
  '37i9dQZF1DXcLDm348RRYK': 'focus', // Acoustic Concentration
  '37i9dQZF1DX692WcMwL2yW': 'focus', // All-Nighter
  '37i9dQZF1DXe1cC3XInKct': 'focus', // Apply Yourself
  '37i9dQZF1DXa2SPUyWl8Y5': 'focus', // Beats to think to
  '37i9dQZF1DX7EF8wVxBVhG': 'focus', // Binaural Beats - Focus
  '37i9dQZF1DWWTdxbiocWOL': 'focus', // Calm Before the Storm
  '37i9dQZF1DX1zM9gA91vC5': 'focus', // Concentração Perfeita
  '37i9dQZF1DX56qfiUZBncF': 'focus', // Creativity Boost
  '37i9dQZF1DWYmSg58uBxin': 'focus', // Instrumental Backdrop
  '37i9dQZF1DX7K31D69s4M1': 'focus', // Piano in the Background
  // chill
  '37i9dQZF1DX4WYpdgoIcn6': 'chill', // Chill Hits
  '37i9dQZF1DX0MLFaUdXnjA': 'chill', // Chill Pop
  '37i9dQZF1DX6VdMW310YC7': 'chill', // Chill Tracks
  '37i9dQZF1DX2UgsUIg75Vg': 'chill', // Chilled R&B
  '37i9dQZF1DWZa8CSUr0hCY': 'chill', // Chill Beats
  '62bReXvmroQzQfEUuTNe3Y': 'chill', // Chill House 2021
  '37i9dQZF1DX3Ogo9pFvBkY': 'chill', // Ambient Relaxation
  '37i9dQZF1DX4TnpT6vw5rE': 'chill', // Atmospheric Calm
  '37i9dQZF1DX5CdVP4rz81C': 'chill', // Fresh & Chill
  '37i9dQZF1DX9B1hu73DioC': 'chill', // Indie Chillout
  '37i9dQZF1DXa9xHlDa5fc6': 'chill', // License To Chill
  '37i9dQZF1DX82pCGH5USnM': 'chill', // Lounge - Soft House
  '37i9dQZF1DX3qCx5yEZkcJ': 'chill', // Mellow Beats
  '37i9dQZF1DWU0ScTcjJBdj': 'chill', // Relax & Unwind
  '37i9dQZF1DWT7XSlwvR1ar': 'chill', // Totally Stress Free
  '37i9dQZF1DX0r3x8OtiwEM': 'chill', // Lowkey Tech
  '3pxwKjnmDg4kwTc5nItYcx': 'chill', // Low Key Pop
  '37i9dQZF1DX5y8xoSWyhcz': 'chill', // indie pop & chill
  '37i9dQZF1DX6ziVCJnEm59': 'chill', // Your Favorite Coffeehouse
  // sleep
  '37i9dQZF1DWZd79rJ6a7lp': 'sleep', // Sleep
  '37i9dQZF1DWZqd5JICZI0u': 'sleep', // Peaceful Meditation
  '37i9dQZF1DX4sWSpwq3LiO': 'sleep', // Peaceful Piano
  '37i9dQZF1DXdCsscAsbRNz': 'sleep', // Peace
  // happy
  '37i9dQZF1DX3rxVfibe1L0': 'happy', // Mood Booster
  '37i9dQZF1DXdPec7aLTmlC': 'happy', // Happy Hits!
  '37i9dQZF1DX1H4LbvY4OJi': 'happy', // Happy Pop
  '37i9dQZF1DX7KNKjOK0o75': 'happy', // Have a Great Day!
  '37i9dQZF1DX1g0iEXLFycr': 'happy', // Feel Good Friday
  '37i9dQZF1DWYBO1MoTDhZI': 'happy', // Good Vibes
  '37i9dQZF1DX4fpCWaHOned': 'happy', // Confidence Boost
  // sad
  '37i9dQZF1DWZUAeYvs88zc': 'sad', // Sad Bops
  '37i9dQZF1DWVV27DiNWxkR': 'sad', // Sad Indie
  '37i9dQZF1DX39ATYW02fre': 'sad', // Melantronic
  '37i9dQZF1DX6xZZEgC9Ubl': 'sad', // tear drop
  // romance
  '1MmXcTuWbvBApvUMIgxDhV': 'romance', // Date Night At Home
  '37i9dQZF1DWTbzY5gOVvKd': 'romance', // Jazzy Romance
  '37i9dQZF1DWSlwBojgQEcN': 'romance', // Acoustic Love
  '37i9dQZF1DX50QitC6Oqtn': 'romance', // Love Pop
};
