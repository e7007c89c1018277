/**
 * Escaping for the report page. Strategy names, descriptions and findings come from user
 * files, so every piece of text goes through `escapeHtml`, and data embedded in a <script>
 * goes through `jsonForScript`, which cannot close the element or open a comment.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** JSON safe inside <script type="application/json">: no "<" at all, and no JS line breaks. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Library code inlined in a <script>: "</script" or "<!--" inside it would end or derail it.
 * Both only occur inside string literals in the builds we inline, where "<\/" means "</". */
export function scriptSafe(code: string): string {
  return code.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
}
