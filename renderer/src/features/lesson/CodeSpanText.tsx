import { codeSpans } from './code-spans';

/** One-line course text with its `code spans` shown as code. */
export function CodeSpanText({ text }: { text: string }) {
  return <>{codeSpans(text).map((part, index) => (part.code ? <code key={index}>{part.text}</code> : <span key={index}>{part.text}</span>))}</>;
}
