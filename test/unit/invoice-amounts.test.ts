import { describe, expect, it } from 'vitest';
import { amountInWords } from '../../functions/domain/invoices/amount-in-words.ts';
import { formatRupees } from '../../functions/domain/invoices/rupees.ts';

describe('amountInWords (Indian numbering)', () => {
  it.each([
    [262_450, 'Rupees Two Thousand Six Hundred Twenty-Four and Fifty Paise Only'],
    [0, 'Rupees Zero Only'],
    [1, 'Rupees Zero and One Paisa Only'],
    [100, 'Rupees One Only'],
    [10_100, 'Rupees One Hundred One Only'],
    [1_100, 'Rupees Eleven Only'],
    [9_000, 'Rupees Ninety Only'],
    [10_000_000, 'Rupees One Lakh Only'],
    [11_000_011, 'Rupees One Lakh Ten Thousand and Eleven Paise Only'],
    [1_234_567_890_0, 'Rupees Twelve Crore Thirty-Four Lakh Fifty-Six Thousand Seven Hundred Eighty-Nine Only'],
    [9_999_999_999, 'Rupees Nine Crore Ninety-Nine Lakh Ninety-Nine Thousand Nine Hundred Ninety-Nine and Ninety-Nine Paise Only'],
    [100_000_000_000_000, 'Rupees One Lakh Crore Only'],
    [123_456_789_012_345, 'Rupees One Lakh Twenty-Three Thousand Four Hundred Fifty-Six Crore Seventy-Eight Lakh Ninety Thousand One Hundred Twenty-Three and Forty-Five Paise Only'],
  ])('%i paise → %s', (paise, words) => {
    expect(amountInWords(paise)).toBe(words);
  });

  it.each([-1, 1.5, Number.MAX_SAFE_INTEGER + 1])('refuses %s', (paise) => {
    expect(() => amountInWords(paise)).toThrow(RangeError);
  });
});

describe('formatRupees', () => {
  it.each([
    [12_345_678, '₹1,23,456.78'],
    [0, '₹0.00'],
    [5, '₹0.05'],
    [99_999, '₹999.99'],
    [100_000, '₹1,000.00'],
    [100_000_000_000, '₹1,00,00,00,000.00'],
    [Number.MAX_SAFE_INTEGER, '₹9,00,71,99,25,47,409.91'],
  ])('%i paise → %s', (paise, text) => {
    expect(formatRupees(paise)).toBe(text);
  });
});
