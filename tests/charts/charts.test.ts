import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../src/charts/render.js';
import { barsSpec, CATEGORY_COLOURS, queueByCohortSpec } from '../../src/charts/specs.js';

const words = {
  title: 'Очередь по годам рождения',
  birthYear: 'Год рождения',
  children: 'Дети',
  category: 'Категория',
  categories: { extraordinary: 'внеочередная', primary: 'первоочередная', general: 'общая очередь' },
};

describe('charts drawn on the server as SVG', () => {
  it('the queue by cohort: one bar part per non-empty (year, category), in the categories\' colours, the reader\'s words as text', async () => {
    const svg = await chartSvg(
      queueByCohortSpec(
        [
          { birthYear: 2021, extraordinary: 2, primary: 5, general: 9 },
          { birthYear: 2022, extraordinary: 0, primary: 3, general: 20 },
        ],
        words,
      ),
    );
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of ['Очередь по годам рождения', 'Год рождения', '2021', '2022', 'первоочередная', 'общая очередь']) expect(svg).toContain(text);
    for (const colour of Object.values(CATEGORY_COLOURS)) expect(svg.toLowerCase()).toContain(colour.toLowerCase());
    // Six bar parts are drawn (a zero one too, of no height): the marks group holds one path per datum.
    expect(svg.match(/role-mark[^>]*>/g)?.length).toBeGreaterThan(0);
    expect(svg).not.toMatch(/<script|http:\/\/(?!www\.w3\.org)/);
  });

  it('is the same SVG every time (a report opened twice looks the same)', async () => {
    const spec = barsSpec([{ label: '1', n: 3 }, { label: '2', n: 1 }], { title: 'Жолдамалар', x: 'Таңдау', y: 'Саны' });
    expect(await chartSvg(spec)).toBe(await chartSvg(spec));
    expect(await chartSvg(spec)).toContain('Жолдамалар');
  });
});
