/**
 * Where demo readers are: a newsroom in Azerbaijan read at home and by the
 * diaspora. Region names are spelled as the bundled geo database spells them
 * (so demo rows and live `/collect` rows group together); '' is a reader the
 * database places in a country but no region, as it often does.
 */
type Weights = Readonly<Record<string, number>>;

export const COUNTRY_REGIONS: Readonly<Record<string, Weights>> = {
  AZ: {
    'Baku City': 70,
    'Sumqayit City': 7,
    'Ganja City': 7,
    'Nakhchivan Autonomous Republic': 3,
    'Lankaran Rayon': 2.5,
    Shaki: 2,
    Shirvan: 2,
    '': 6.5,
  },
  RU: {
    Moscow: 45,
    'St.-Petersburg': 14,
    'Krasnodar Krai': 6,
    'Sverdlovsk Oblast': 5,
    'Novosibirsk Oblast': 4,
    'Rostov Oblast': 4,
    'Samara Oblast': 3,
    Dagestan: 5,
    '': 14,
  },
  TR: { Istanbul: 50, Ankara: 22, 'Izmir Province': 9, 'Bursa Province': 4, Antalya: 5, Kocaeli: 4, '': 7 },
  GE: { Tbilisi: 68, Adjara: 10, 'Kvemo Kartli': 12, Imereti: 5, '': 5 },
  DE: {
    'State of Berlin': 24,
    Bavaria: 14,
    'North Rhine-Westphalia': 16,
    Hesse: 10,
    'Baden-Wurttemberg': 10,
    'Free and Hanseatic City of Hamburg': 8,
    '': 18,
  },
  US: { California: 20, 'New York': 18, Texas: 12, Illinois: 8, Virginia: 8, 'New Jersey': 7, Florida: 7, '': 20 },
  GB: { England: 82, Scotland: 8, Wales: 4, 'Northern Ireland': 2, '': 4 },
  UA: { 'Kyiv City': 40, 'Kharkiv Oblast': 12, Odesa: 12, Lviv: 8, 'Dnipropetrovsk Oblast': 10, '': 18 },
  KZ: { Almaty: 40, Astana: 30, Shymkent: 8, Karaganda: 6, 'Atyrau Oblisi': 6, '': 10 },
  IL: { 'Tel Aviv': 30, 'Central District': 22, Haifa: 14, Jerusalem: 12, '': 22 },
};

/** Readers' countries by language edition: the Russian edition draws the CIS and Israel more. */
const EDITION_COUNTRIES: Readonly<Record<string, Weights>> = {
  az: { AZ: 86, TR: 5, RU: 3, GE: 2, DE: 1.5, US: 1, GB: 0.5, UA: 0.3, KZ: 0.4, IL: 0.3 },
  ru: { AZ: 46, RU: 24, KZ: 7, UA: 6, GE: 4, IL: 5, DE: 3, TR: 2, US: 2, GB: 1 },
  en: { AZ: 42, US: 13, GB: 9, DE: 7, TR: 7, RU: 6, GE: 6, UA: 3.5, KZ: 2.5, IL: 4 },
};

export function countriesOf(edition: string): Weights {
  return EDITION_COUNTRIES[edition] ?? EDITION_COUNTRIES.en ?? {};
}
