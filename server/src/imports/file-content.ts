/** The prefix of a data URL (`data:…;base64,`), which browsers produce when reading a file. */
const DATA_URL_PREFIX = /^data:[^,]*;base64,/;

/** The file bytes, or undefined when the text is not base64 (Buffer.from would silently skip junk). */
export function decodeBase64Content(contentBase64: string): Buffer | undefined {
  const compact = contentBase64.replace(DATA_URL_PREFIX, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return undefined;
  return Buffer.from(compact, 'base64');
}

export const NOT_BASE64 = 'Содержимое файла передано не в кодировке base64 — файл не прочитан';
