// Facts about the bundled collection, computed from the file itself, so the
// tests follow the data instead of hard-coding it.
import { readFileSync } from 'node:fs';

export type Review = {
  id: string; title: string; year: number; genres: string[]; countries?: string[];
  rating: number; directors: string[]; cast?: string[]; runtime_minutes?: number; body: string;
};

export const collection: { reviews: Review[] } = JSON.parse(
  readFileSync(new URL('../../../assets/collection.json', import.meta.url), 'utf8'),
);

export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The title sort key: folded, leading "the", "a", "an" skipped. */
export const titleKey = (t: string) => fold(t).replace(/^(the|a|an) (?=\S)/, '');

export const count = (n: number) => (n === 1 ? '1 review' : `${n} reviews`);

export const withGenre = (g: string) => collection.reviews.filter((r) => r.genres.some((x) => fold(x) === fold(g)));
