/**
 * Lower case, «ё» as «е», punctuation and repeated spaces dropped: «Код  ОКТМО:» and
 * «код октмо» are the same title, «НШ-ДС» and «нш дс» the same kind.
 */
export function normalizeTerm(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
