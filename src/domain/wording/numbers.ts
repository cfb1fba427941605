/** How numbers read in documents and on cards: thousands separators, pounds, hours and percentages. */
import type { FigureUnit } from '../templates/template.js';

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function formatFixed(value: number, decimals: number): string {
  const [whole = '0', fraction] = Math.abs(value).toFixed(decimals).split('.');
  return `${value < 0 ? '-' : ''}${groupThousands(whole)}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Thousands separators, trailing zeros of a fraction dropped: 1234.50 → "1,234.5". */
function formatNumber(value: number, maxDecimals: number): string {
  const fixed = formatFixed(value, maxDecimals);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

export function formatFigure(value: number, unit: Exclude<FigureUnit, 'percent'>): string {
  switch (unit) {
    case 'currency-gbp':
      // Pence are shown in full (£12.50), whole pounds without them.
      return Number.isInteger(value) ? `£${formatNumber(value, 0)}` : `£${formatFixed(value, 2)}`;
    case 'count':
      return formatNumber(value, 2);
    case 'hours':
      return `${formatNumber(value, 2)} ${value === 1 ? 'hour' : 'hours'}`;
  }
}

export const formatPercent = (percent: number): string => `${formatNumber(percent, 1)}%`;
