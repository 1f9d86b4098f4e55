
/*
 * Code no rule reads, padded into copies of the fixtures by tests/cli/slice.sh: a parse of
 * some statements only must find what a parse of the whole file finds.
 */
const PAD_TEMPLATE = `
export function notCode() {}
import { fake } from "not-an-import";
type Fake = { a: string };
`;

function padCount(n: number): string {
  const re = /[({[]+/g;
  const half = n / 2 / 1;
  return String(half).replace(re, "") + (n > 1 ? "s" : "");
}

const padRatio = (a: number, b: number) => a / b;

interface PadPoint {
  x: number;
  y: number;
}

const padLabels: Record<string, string> = {
  import: "Import",
  default: "Default",
};

class PadCounter {
  private n = 0;
  inc(): number {
    return ++this.n;
  }
}

padCount(padRatio(4, 2));
void PAD_TEMPLATE, padLabels, PadCounter;
