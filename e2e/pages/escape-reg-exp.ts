// Names in locators are matched as text inside a RegExp; this keeps "(" and "." literal.
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
