// Parcours – améliorations facultatives. Chaque page fonctionne sans ce script.
(() => {
  // Confirmation avant l'envoi d'un formulaire ou d'un bouton portant data-confirm.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const submitter = event.submitter;
    const question = submitter?.dataset?.confirm || form.dataset.confirm;
    if (question && !window.confirm(question)) event.preventDefault();
  });

  // Le récapitulatif d'erreurs reçoit le focus pour être lu en premier.
  const summary = document.querySelector(".error-summary");
  if (summary instanceof HTMLElement) summary.focus();

  // Un tableau n'est une région focusable (pour défiler au clavier) que s'il déborde.
  const wraps = [...document.querySelectorAll(".table-wrap")];
  const label = new Map(wraps.map((wrap) => [wrap, wrap.getAttribute("aria-label")]));
  const update = () => {
    for (const wrap of wraps) {
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("aria-label", label.get(wrap) || "Tableau");
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("aria-label");
      }
    }
  };
  if (wraps.length > 0) {
    update();
    let pending = 0;
    window.addEventListener("resize", () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(update);
    });
  }
})();
