import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface A11yProblem {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

type AxeGlobal = { axe?: typeof axe };

/**
 * Runs axe-core in the page and returns the violations of impact serious or critical (empty = pass).
 * The app's CSP forbids inline scripts, so the page's context must be created with `bypassCSP: true`.
 */
export async function seriousA11yViolations(page: Page): Promise<A11yProblem[]> {
  if (!(await page.evaluate(() => Boolean((globalThis as AxeGlobal).axe)))) await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const results = await (globalThis as AxeGlobal).axe!.run({ exclude: [] }, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
