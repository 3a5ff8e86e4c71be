import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Role } from "../../src/accounts/tables.ts";
import { DEMO_ACCOUNTS } from "../../src/demo/accounts.ts";
import { NAVIGATION } from "../../src/platform/navigation.ts";
import { type BrowserSession, chromiumMissing, startBrowserSession } from "./support.ts";

const WIDTHS = [1280, 390] as const;
const ROLES: Role[] = ["intervenant", "chef_service", "direction", "formation", "federation", "admin"];

interface Measure {
  scrollWidth: number;
  innerWidth: number;
  mainLeft: number;
  /** Elements wider than the screen's right edge (what makes the page scroll sideways). */
  overflowing: string[];
  nav: { overflows: boolean; lines: number; cut: string[] };
  /** Width the placeholder needs and the room the search input gives it; null without a search box. */
  placeholder: { needed: number; room: number } | null;
}

/** Measures the page as it is drawn: horizontal scroll, left edge of <main>, menu, search placeholder. */
function measure(): Measure {
  const doc = document.documentElement;
  const main = document.querySelector("main");
  const overflowing = Array.from(document.querySelectorAll("body *"))
    .filter((el) => {
      const r = el.getBoundingClientRect();
      // Inside a scrolling table wrapper the overflow is the wrapper's, not the page's.
      return r.width > 0 && r.right > window.innerWidth + 1 && !el.closest(".table-wrap");
    })
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join(".")}`);
  const list = document.querySelector(".site-nav__list");
  const items = Array.from(document.querySelectorAll(".site-nav__list li"));
  const tops = new Set(items.map((li) => Math.round(li.getBoundingClientRect().top)));
  const listBox = list?.getBoundingClientRect();
  const cut = items
    .filter((li) => listBox && li.getBoundingClientRect().right > listBox.right + 1)
    .map((li) => li.textContent ?? "");
  const input = document.querySelector<HTMLInputElement>("#recherche-globale");
  let placeholder: Measure["placeholder"] = null;
  if (input) {
    const style = getComputedStyle(input);
    const ctx = document.createElement("canvas").getContext("2d");
    if (ctx) {
      ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room =
        input.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      placeholder = { needed: Math.ceil(ctx.measureText(input.placeholder).width), room: Math.floor(room) };
    }
  }
  return {
    scrollWidth: doc.scrollWidth,
    innerWidth: window.innerWidth,
    mainLeft: Math.round(main?.getBoundingClientRect().left ?? -1),
    overflowing,
    nav: { overflows: list ? list.scrollWidth > list.clientWidth + 1 : false, lines: tops.size, cut },
    placeholder,
  };
}

describe("browser: one layout on every screen size", { skip: chromiumMissing }, () => {
  let s: BrowserSession;
  before(async () => {
    s = await startBrowserSession();
  });
  after(() => s?.close());

  for (const role of ROLES) {
    test(`${role}: every navigation entry at 390 px and 1280 px, no sideways scroll, one left margin`, async () => {
      const { page, baseUrl } = s;
      const account = DEMO_ACCOUNTS.find((a) => a.role === role);
      assert.ok(account, role);
      await page.context().clearCookies();
      await page.setViewportSize({ width: 1280, height: 900 });
      await s.login(account.email);
      const entries = [...new Set(NAVIGATION.filter((e) => e.roles.includes(role)).map((e) => e.href))];
      const problems: string[] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        const lefts = new Map<string, number>();
        for (const href of entries) {
          const res = await page.goto(`${baseUrl}${href}`);
          assert.equal(res?.status(), 200, `${role} ${href}`);
          const m = await page.evaluate(measure);
          lefts.set(href, m.mainLeft);
          if (m.scrollWidth > m.innerWidth)
            problems.push(
              `${href} à ${width} px : ${m.scrollWidth} > ${m.innerWidth} (${m.overflowing.join(", ")})`,
            );
          if (m.nav.overflows || m.nav.cut.length > 0)
            problems.push(`${href} à ${width} px : menu coupé (${m.nav.cut.join(", ")})`);
          if (m.placeholder && m.placeholder.needed > m.placeholder.room)
            problems.push(
              `${href} à ${width} px : texte indicatif de la recherche coupé (${m.placeholder.needed} > ${m.placeholder.room})`,
            );
          if (width === 1280 && role === "direction" && m.nav.lines > 1)
            problems.push(`${href} : le menu de la direction tient sur ${m.nav.lines} lignes à 1280 px`);
        }
        const distinct = new Set(lefts.values());
        if (distinct.size > 1)
          problems.push(
            `marges à gauche différentes à ${width} px : ${JSON.stringify(Object.fromEntries(lefts))}`,
          );
      }
      assert.deepEqual(problems, []);
    });
  }

  test("the new home pages and the user list are accessible at both widths", async () => {
    const { page, baseUrl } = s;
    for (const [email, urls] of [
      ["formation@demo.parcours.fr", ["/"]],
      ["federation@demo.parcours.fr", ["/"]],
      ["admin@demo.parcours.fr", ["/", "/admin/utilisateurs", "/admin/utilisateurs?q=demo&page=1"]],
    ] as const) {
      await page.context().clearCookies();
      await page.setViewportSize({ width: 1280, height: 900 });
      await s.login(email);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        for (const url of urls) {
          await page.goto(`${baseUrl}${url}`);
          await s.expectAccessible(`${email} ${url} à ${width} px`);
          await page.screenshot({
            path: `/tmp/h10/layout-${email.split("@")[0]}-${url.replace(/\W+/g, "_")}-${width}.png`,
            fullPage: true,
          });
        }
      }
    }
  });
});
