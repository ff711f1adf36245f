// dbpick's questionnaire page. Everything it shows comes from the service's JSON API: the
// questions and their skipWhen conditions from GET /api/v1/questionnaire, every ranking,
// explanation and validation from the POST endpoints. The URL holds the answers (profile
// fields as query parameters, lists comma-separated), so a link reproduces the page.
// The ranking is asked for first and shown at once; the what-if explanations (pivots and
// relaxations, dozens of extra rankings each) follow in a second request, so the live count
// never waits for them.
'use strict';

(function () {
  const state = {
    questionnaire: null,
    answers: {},      // field -> value given (string, list, or list of switched-on flags)
    extra: {},        // URL parameters that are not questions: sent as they are, so the API names them
    compare: new Set(),
    result: null,
    sequence: 0,
    timer: null
  };

  // ---- small DOM helpers: text only, never HTML from data ----

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else if (value === true) node.setAttribute(name, '');
      else node.setAttribute(name, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function $(id) {
    return document.getElementById(id);
  }

  function signed(points) {
    return points > 0 ? '+' + points : String(points);
  }

  // ---- the API ----

  async function call(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const type = response.headers.get('Content-Type') || '';
    const payload = type.includes('json') ? await response.json() : await response.text();
    if (!response.ok) {
      const problem = typeof payload === 'object' ? payload : { detail: String(payload) };
      const error = new Error(problem.detail || problem.title || ('HTTP ' + response.status));
      error.problem = problem;
      throw error;
    }
    return payload;
  }

  // ---- answers, defaults, skipWhen and the URL ----

  function question(field) {
    return state.questionnaire.questions.find(q => q.field === field);
  }

  function flagsOf(q, value) {
    if (Array.isArray(value)) return value;
    if (value && typeof value === 'object') return Object.keys(value).filter(k => value[k] === true);
    return [];
  }

  /** The value a question has now: the answer given, else its default (lists for flags). */
  function current(q) {
    if (Object.prototype.hasOwnProperty.call(state.answers, q.field)) return state.answers[q.field];
    return q.type === 'flags' ? flagsOf(q, q.default) : q.default;
  }

  /**
   * The same test as the CLI questionnaire: a condition holds when every field it names has one of its values;
   * for a list (the databases), when it is not empty and every value chosen is one of them.
   */
  function holds(condition) {
    return Object.entries(condition).every(([field, values]) => {
      const q = question(field);
      const value = q ? current(q) : undefined;
      if (Array.isArray(value)) return value.length > 0 && value.every(v => values.includes(v));
      return typeof value === 'string' && values.includes(value);
    });
  }

  function skipped(q) {
    return (q.skipWhen || []).some(holds);
  }

  function promptOf(q) {
    const wording = (q.promptWhen || []).find(w => holds(w.when));
    return wording ? wording.prompt : q.prompt;
  }

  /** The profile to send: every answer given to a question that applies, and any unknown parameter. */
  function profile() {
    const document = Object.assign({}, state.extra);
    for (const q of state.questionnaire.questions) {
      if (!Object.prototype.hasOwnProperty.call(state.answers, q.field) || skipped(q)) continue;
      const value = state.answers[q.field];
      if (q.type === 'flags') {
        const flags = {};
        for (const name of value) flags[name] = true;
        document[q.field] = flags;
      } else {
        document[q.field] = value;
      }
    }
    return document;
  }

  function readUrl() {
    state.answers = {};
    state.extra = {};
    const params = new URLSearchParams(window.location.search);
    for (const [name, raw] of params) {
      const q = question(name);
      if (!q) {
        state.extra[name] = raw;
        continue;
      }
      const list = raw.split(',').map(s => s.trim()).filter(s => s.length > 0);
      state.answers[name] = q.type === 'single' ? raw : list;
    }
  }

  function writeUrl() {
    const params = new URLSearchParams();
    for (const q of state.questionnaire.questions) {
      if (!Object.prototype.hasOwnProperty.call(state.answers, q.field)) continue;
      const value = state.answers[q.field];
      params.set(q.field, Array.isArray(value) ? value.join(',') : value);
    }
    for (const [name, value] of Object.entries(state.extra)) params.set(name, value);
    const query = params.toString();
    history.replaceState(null, '', query ? '?' + query : window.location.pathname);
  }

  // ---- the form ----

  function renderForm() {
    const fields = $('fields');
    fields.replaceChildren();
    for (const q of state.questionnaire.questions) {
      fields.append(renderQuestion(q));
    }
    refreshForm();
  }

  function renderQuestion(q) {
    const id = 'q-' + q.field;
    const multiple = q.type !== 'single';
    const choices = q.choices.map(choice => {
      const inputId = id + '-' + choice.value.replace(/[^A-Za-z0-9_-]/g, '_');
      const input = el('input', {
        type: multiple ? 'checkbox' : 'radio',
        name: q.field,
        id: inputId,
        value: choice.value,
        'aria-describedby': 'err-' + q.field,
        onchange: () => answer(q, choice.value, input.checked)
      });
      return el('div', { class: 'choice' },
        input,
        q.ordered ? el('span', { class: 'order', 'data-order-for': choice.value, 'aria-hidden': 'true' }) : null,
        el('label', { for: inputId }, choice.label));
    });
    const limits = [];
    if (q.max) limits.push('Up to ' + q.max + '.');
    if (q.ordered) limits.push('Tick them in order of importance: the first ticked matters most.');
    return el('fieldset', { id, 'data-field': q.field },
      el('legend', {}, q.title),
      el('p', { class: 'prompt', id: id + '-prompt' }, promptOf(q)),
      choices,
      limits.length ? el('p', { class: 'hint' }, limits.join(' ')) : null,
      el('details', { class: 'why' }, el('summary', {}, 'Why does this question matter?'), el('p', {}, q.help)),
      el('p', { class: 'error', id: 'err-' + q.field, role: 'alert', hidden: true }));
  }

  /** Ticks, numbers, limits, prompts and visibility from the current answers. */
  function refreshForm() {
    for (const q of state.questionnaire.questions) {
      const fieldset = $('q-' + q.field);
      const value = current(q);
      const chosen = Array.isArray(value) ? value : (q.type === 'flags' ? flagsOf(q, value) : [value]);
      fieldset.hidden = skipped(q);
      $('q-' + q.field + '-prompt').textContent = promptOf(q);
      for (const input of fieldset.querySelectorAll('input')) {
        input.checked = chosen.includes(input.value);
        input.disabled = q.type !== 'single' && q.max && !input.checked && chosen.length >= q.max;
      }
      for (const badge of fieldset.querySelectorAll('[data-order-for]')) {
        const index = chosen.indexOf(badge.getAttribute('data-order-for'));
        badge.textContent = index >= 0 ? String(index + 1) : '';
      }
    }
  }

  function answer(q, value, checked) {
    if (q.type === 'single') {
      state.answers[q.field] = value;
    } else {
      const list = (Array.isArray(current(q)) ? current(q) : flagsOf(q, current(q))).filter(v => v !== value);
      if (checked) list.push(value);
      state.answers[q.field] = q.ordered ? list : q.choices.map(c => c.value).filter(v => list.includes(v));
    }
    clearError(q.field);
    changed();
  }

  function changed() {
    refreshForm();
    writeUrl();
    clearTimeout(state.timer);
    state.timer = setTimeout(update, 120);
  }

  function clearError(field) {
    const slot = $('err-' + field);
    if (slot) {
      slot.hidden = true;
      slot.textContent = '';
    }
  }

  function showError(error) {
    const field = error.problem && error.problem.field ? String(error.problem.field).split('.')[0] : null;
    const slot = field ? $('err-' + field) : null;
    const message = error.message;
    if (slot) {
      slot.textContent = message;
      slot.hidden = false;
      $('q-' + field).hidden = false;
    } else {
      $('form-error').textContent = message;
      $('form-error').hidden = false;
    }
    $('live').textContent = 'The answers need a correction.';
    $('answer').replaceChildren(el('p', { class: 'error' }, message));
    $('answer').setAttribute('aria-busy', 'false');
  }

  // ---- asking the service ----

  async function update() {
    const sequence = ++state.sequence;
    const asked = profile();
    $('answer').setAttribute('aria-busy', 'true');
    $('form-error').hidden = true;
    try {
      const result = await call('POST', '/api/v1/recommendations?top=0', asked);
      if (sequence !== state.sequence) return;
      state.result = result;
      for (const q of state.questionnaire.questions) clearError(q.field);
      renderLive(result);
      renderResult(result);
    } catch (error) {
      if (sequence === state.sequence) showError(error);
      return;
    }
    explain(sequence, asked);
  }

  /** The what-if explanations of the ranking on show, into the places renderResult left for them. */
  async function explain(sequence, asked) {
    if (!document.querySelector('[data-whatif]')) return;
    try {
      const explained = await call('POST', '/api/v1/recommendations?top=1&include=pivots,relaxations', asked);
      if (sequence !== state.sequence) return;
      renderExplanations(explained);
    } catch (error) {
      if (sequence !== state.sequence) return;
      for (const slot of document.querySelectorAll('[data-whatif]')) {
        slot.replaceChildren(el('p', { class: 'error' }, 'The explanations could not be loaded: ' + error.message));
        slot.setAttribute('aria-busy', 'false');
      }
    }
  }

  /** A place for explanations still being asked for, with a line saying so. */
  function pending(which, text) {
    return el('div', { 'data-whatif': which, 'aria-busy': 'true' }, el('p', { class: 'muted' }, text));
  }

  function fill(which, content) {
    const slot = document.querySelector('[data-whatif="' + which + '"]');
    if (!slot) return;
    slot.replaceChildren(content);
    slot.setAttribute('aria-busy', 'false');
  }

  function renderExplanations(explained) {
    // The answers a team revisits first; those that define the project (defining: true) under a heading of their own.
    const pivots = explained.pivots || [];
    const revisitable = pivots.filter(p => !p.defining), defining = pivots.filter(p => p.defining);
    const pivotLabel = p => 'With ' + p.summary + ': ' + name(p.top);
    fill('pivots', pivots.length
      ? el('div', {},
        revisitable.length ? renderChanges('What would change the first pick', revisitable, pivotLabel) : null,
        revisitable.length ? null : el('p', { class: 'muted' }, 'No answer a team revisits (priorities, workload, asyncio,'
          + ' what the code uses, constraints) would change the first pick.'),
        defining.length ? renderChanges('Among the answers that define the project', defining, pivotLabel) : null)
      : el('p', { class: 'muted' }, 'No single answer change would change the first pick.'));
    fill('relaxations', explained.relaxations && explained.relaxations.length
      ? renderChanges('The smallest ways out', explained.relaxations,
        r => 'With ' + r.summary + ': ' + r.fits + ' fit' + (r.fits === 1 ? 's' : '') + ', first ' + name(r.top))
      : el('p', {}, 'No change of one or two answers makes one fit; the exclusions below say what rules each library out.'));
    (explained.stack || []).forEach((entry, index) => fill('stack-' + index, el('div', {},
      pending('stack-' + index, 'Looking for what would change it…'))));
  }

  function renderLive(result) {
    const fitting = result.recommendations.length + result.poorFits.length;
    const total = result.knowledge.libraries;
    let text;
    if (result.stack) {
      text = 'A whole data layer: ' + result.stack.map(e => e.database + ': ' + (e.pick ? e.pick.name : 'nothing fits')).join('; ');
    } else {
      const top = result.recommendations[0];
      text = fitting + ' of ' + total + ' libraries still fit' + (top ? '; leading: ' + top.name : '; none is recommended');
    }
    $('live').textContent = text;
    $('revision').textContent = result.knowledge.revision;
  }

  // ---- the answer ----

  function renderResult(result) {
    const answer = $('answer');
    const parts = [];
    parts.push(el('p', { class: 'summary-line' },
      (result.stack ? 'A whole data layer, one pick per database' :
        (result.recommendations.length + result.poorFits.length) + ' of ' + result.knowledge.libraries + ' libraries fit, '
        + result.excluded.length + ' excluded') + '; evaluated on ' + result.knowledge.evaluatedOn
        + ', knowledge revision ' + result.knowledge.revision + '.'
        + (result.knowledge.team ? ' With team knowledge ' + result.knowledge.team.folder + ' (revision '
          + result.knowledge.team.revision + ') on top of the bundled rules and data.' : '')));
    if (result.knowledge.factsNote) parts.push(el('p', { class: 'muted' }, result.knowledge.factsNote));
    parts.push(el('div', { class: 'tools' },
      el('button', { type: 'button', id: 'download-adr', onclick: downloadRecord }, 'Download the decision record (Markdown)'),
      el('button', { type: 'button', id: 'compare-button', disabled: state.compare.size < 2 || state.compare.size > 4, onclick: compare },
        'Compare the ticked libraries (' + state.compare.size + ')')));
    parts.push(el('div', { id: 'detail', 'aria-live': 'polite' }));
    if (result.stack) {
      parts.push(renderStack(result.stack));
    } else {
      if (result.recommendations.length === 0) parts.push(renderNothingFits(result));
      else parts.push(el('h3', {}, 'Recommended'), renderList(result.recommendations, true));
      if (result.margin) parts.push(renderMargin(result.margin));
      if (result.recommendations.length) parts.push(pending('pivots', 'Looking for answers that would change the first pick…'));
      if (result.poorFits.length) {
        parts.push(el('h3', {}, 'Poor fits'),
          el('p', { class: 'muted' }, 'They pass every hard constraint, but their score lines add up to less than zero.'),
          renderList(result.poorFits, false));
      }
      if (result.excluded.length) parts.push(renderExcluded(result.excluded));
    }
    answer.replaceChildren(...parts);
    answer.setAttribute('aria-busy', 'false');
  }

  function name(id) {
    const all = [].concat(state.result.recommendations, state.result.poorFits, state.result.excluded);
    const found = all.find(l => l.id === id);
    return found ? found.name : id;
  }

  function renderList(entries, ranked) {
    return el('ol', { class: 'ranking' }, entries.map(entry => el('li', { class: 'entry', 'data-id': entry.id },
      el('details', {},
        el('summary', {},
          el('span', { class: 'rank' }, ranked ? '#' + entry.rank + (entry.tiedWith && entry.tiedWith.length ? '=' : '') : '–'),
          el('span', { class: 'name' }, entry.name),
          el('span', { class: 'kind' }, entry.kind),
          el('span', { class: 'score', 'aria-label': 'score ' + entry.score }, String(entry.score)),
          entry.reasons.length ? el('span', { class: 'first' }, signed(entry.reasons[0].points) + ' ' + entry.reasons[0].text) : null),
        el('div', { class: 'body' },
          renderLines(entry.reasons),
          entry.cautions.length ? el('ul', { class: 'lines cautions' }, entry.cautions.map(c =>
            el('li', {}, el('span', { class: 'pts' }, '!'), el('span', {}, c.text, el('span', { class: 'rule' }, c.rule))))) : null,
          entry.layers && entry.layers.length ? el('p', { class: 'muted' }, '+ a caching layer on top, if wanted: '
            + entry.layers.map(l => l.name + ' (' + l.score + ')').join(', ')) : null,
          tools(entry))))));
  }

  function renderLines(reasons) {
    if (!reasons.length) return el('p', { class: 'muted' }, 'No score lines: it fits, but nothing in the profile favours it.');
    return el('ul', { class: 'lines' }, reasons.map(r => el('li', {},
      el('span', { class: 'pts ' + (r.points < 0 ? 'neg' : 'pos') }, signed(r.points)),
      el('span', {}, r.text, el('span', { class: 'rule' }, r.rule)))));
  }

  function tools(entry) {
    const id = 'cmp-' + entry.id.replace(/[^A-Za-z0-9_-]/g, '_');
    const first = state.result && state.result.recommendations.length && state.result.recommendations[0].id === entry.id;
    return el('div', { class: 'tools' },
      first ? null : el('button', { type: 'button', onclick: () => whyNot(entry.id) }, 'Why not ' + entry.name + '?'),
      el('label', { for: id },
        el('input', { type: 'checkbox', id, checked: state.compare.has(entry.id), onchange: e => toggleCompare(entry.id, e.target.checked) }),
        'Compare'));
  }

  /**
   * The margin in plain words, as the terminal says it: who leads whom, then the concerns in each
   * library's favour in the score lines' own sentences, with what each library got on them.
   */
  function renderMargin(margin) {
    const first = name(margin.first), second = name(margin.second);
    const points = margin.points + ' point' + (margin.points === 1 ? '' : 's');
    const against = (own, other, otherPoints) => signed(own)
      + (otherPoints === 0 ? '; ' + other + ' gets nothing for it' : ' against ' + other + "'s " + signed(otherPoints));
    const sentence = texts => texts.map(t => t.replace(/\.$/, '')).join('; ');
    const side = (favoursFirst, who, other) => {
      const concerns = (margin.concerns || []).filter(c => (c.points > 0) === favoursFirst);
      if (!concerns.length) return null;
      const said = concerns.slice(0, 3).map(c => {
        const own = favoursFirst ? c.firstTexts : c.otherTexts, others = favoursFirst ? c.otherTexts : c.firstTexts;
        const ownPoints = favoursFirst ? c.firstPoints : c.otherPoints, otherPoints = favoursFirst ? c.otherPoints : c.firstPoints;
        return own.length ? sentence(own) + ' (' + against(ownPoints, other, otherPoints) + ')'
          : 'what counts against ' + other + ': ' + sentence(others) + ' (' + against(otherPoints, who, ownPoints) + ')';
      });
      return el('p', { class: 'muted' }, 'In ' + who + "'s favour: " + said.join('; ')
        + (concerns.length > 3 ? '; and ' + (concerns.length - 3) + ' more' : '') + '.');
    };
    return el('div', { class: 'panel' },
      el('p', {}, margin.points === 0
        ? first + ' and ' + second + ' are level on points; ' + first + ' comes first as the more widely used.'
        : margin.nearTie ? first + ' and ' + second + ' are a near tie: ' + first + ' leads by ' + points + '.'
        : first + ' leads ' + second + ' by ' + points + '.'),
      side(true, first, second), side(false, second, first));
  }

  /** Answer changes, each a button that applies it. */
  function renderChanges(title, changes, label) {
    return el('div', { class: 'panel' },
      el('h3', {}, title),
      el('ul', { class: 'changes' }, changes.map(change =>
        el('li', {}, el('button', { type: 'button', class: 'apply', onclick: () => apply(change.changes) }, label(change))))));
  }

  function renderNothingFits(result) {
    const parts = [el('p', { class: 'error' }, 'No library is recommended for this profile.')];
    if (result.poorFits.length) {
      const n = result.poorFits.length;
      parts.push(el('p', {}, (n === 1 ? 'One library passes every hard constraint but scores'
        : n + ' libraries pass every hard constraint but score') + ' below zero: the poor fits below say what counts against '
        + (n === 1 ? 'it.' : 'them.')));
    } else {
      parts.push(pending('relaxations', 'Looking for the smallest changes after which one fits…'));
    }
    return el('div', {}, parts);
  }

  function renderExcluded(excluded) {
    return el('details', { class: 'panel', id: 'excluded' },
      el('summary', {}, excluded.length + ' excluded, with the reasons'),
      el('ul', { class: 'plain' }, excluded.map(e => el('li', { class: 'entry', 'data-id': e.id },
        el('div', { class: 'body' },
          el('p', {}, el('strong', {}, e.name)),
          el('ul', { class: 'lines' }, e.reasons.map(r => el('li', {}, el('span', { class: 'pts neg' }, '✕'),
            el('span', {}, r.text, el('span', { class: 'rule' }, r.rule))))),
          tools(e))))));
  }

  function renderStack(stack) {
    return el('div', {}, stack.map((entry, index) => el('section', { class: 'database', 'aria-label': entry.database },
      el('h3', {}, entry.database + ': ' + (entry.pick ? entry.pick.name : 'nothing fits')
        + (entry.runsOn ? ', on ' + entry.runsOn.name : '')),
      entry.pick ? renderLines(entry.reasons) : null,
      entry.alternatives && entry.alternatives.length
        ? el('p', { class: 'muted' }, 'Alternatives: ' + entry.alternatives.map(a => a.name + ' (' + a.score + ')').join(', ')) : null,
      pending('stack-' + index, 'Looking for what would change it…'))));
  }

  // ---- follow-up questions ----

  /** Applies answer changes (a pivot or a relaxation) and asks again. */
  function apply(changes) {
    for (const [field, value] of Object.entries(changes)) {
      const q = question(field);
      if (!q) continue;
      if (q.type === 'flags') {
        const on = new Set(flagsOf(q, current(q)));
        for (const [flag, enabled] of Object.entries(value)) {
          if (enabled) on.add(flag); else on.delete(flag);
        }
        state.answers[field] = q.choices.map(c => c.value).filter(v => on.has(v));
      } else {
        state.answers[field] = value;
      }
      clearError(field);
    }
    changed();
    $('results').focus();
  }

  async function whyNot(id) {
    const detail = $('detail');
    detail.replaceChildren(el('p', {}, 'Asking why not…'));
    try {
      const answer = await call('POST', '/api/v1/why-not/' + encodeURIComponent(id), profile());
      const parts = [el('h3', {}, 'Why not ' + answer.name + '?'), el('p', {}, answer.note)];
      if (answer.exclusions && answer.exclusions.length) {
        parts.push(el('ul', { class: 'lines' }, answer.exclusions.map(x => el('li', {}, el('span', { class: 'pts neg' }, '✕'),
          el('span', {}, x.text, el('span', { class: 'rule' }, x.rule))))));
      }
      if (answer.versusTop && answer.versusTop.lines.length) {
        parts.push(el('p', { class: 'muted' }, 'Against ' + name(answer.versusTop.top) + ', ' + answer.versusTop.pointsBehind
          + ' points behind:'), renderLines(answer.versusTop.lines.map(l => ({ rule: l.rule, points: -l.points, text: l.otherText || l.firstText || '' }))));
      }
      if (answer.admit) {
        parts.push(el('button', { type: 'button', class: 'apply', onclick: () => apply(answer.admit.changes) }, 'Apply: ' + answer.admit.summary));
      }
      parts.push(el('button', { type: 'button', onclick: () => detail.replaceChildren() }, 'Close'));
      detail.replaceChildren(el('div', { class: 'panel', role: 'region', 'aria-label': 'Why not ' + answer.name }, parts));
      detail.querySelector('h3').setAttribute('tabindex', '-1');
      detail.querySelector('h3').focus();
    } catch (error) {
      detail.replaceChildren(el('p', { class: 'error' }, error.message));
    }
  }

  function toggleCompare(id, on) {
    if (on) state.compare.add(id); else state.compare.delete(id);
    const button = $('compare-button');
    button.textContent = 'Compare the ticked libraries (' + state.compare.size + ')';
    button.disabled = state.compare.size < 2 || state.compare.size > 4;
  }

  async function compare() {
    const detail = $('detail');
    try {
      const ids = Array.from(state.compare).join(',');
      const answer = await call('POST', '/api/v1/compare?ids=' + encodeURIComponent(ids), profile());
      const libraries = answer.libraries;
      const rows = [
        ['Status', l => l.status + (l.rank ? ' #' + l.rank : '')],
        ['Score', l => String(l.score)],
        ['Kind', l => l.kind],
        ['Databases', l => (l.facts && l.facts.databases ? l.facts.databases.join(', ') : '–')],
        ['License', l => (l.facts ? l.facts.license : '')],
        ['Latest release', l => (l.facts ? (l.facts.latestVersion || '') + ' (' + (l.facts.released || '?') + ')' : '')],
        ['Exclusions', l => (l.exclusions || []).map(x => x.text).join('; ') || '–'],
        ['Score lines', l => (l.reasons || []).map(r => signed(r.points) + ' ' + r.text).join('\n') || '–']
      ];
      detail.replaceChildren(el('div', { class: 'panel' },
        el('h3', { tabindex: '-1' }, 'Side by side'),
        el('div', { class: 'table-wrap' }, el('table', { class: 'compare' },
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, ''), libraries.map(l => el('th', { scope: 'col' }, l.name)))),
          el('tbody', {}, rows.map(([title, cell]) => el('tr', {}, el('th', { scope: 'row' }, title),
            libraries.map(l => el('td', {}, cell(l)))))))),
        el('button', { type: 'button', onclick: () => detail.replaceChildren() }, 'Close')));
      detail.querySelector('h3').focus();
    } catch (error) {
      detail.replaceChildren(el('p', { class: 'error' }, error.message));
    }
  }

  async function downloadRecord() {
    try {
      const response = await fetch('/api/v1/recommendations?format=adr', {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'text/markdown' }, body: JSON.stringify(profile())
      });
      if (!response.ok) throw new Error((await response.json()).detail);
      const blob = new Blob([await response.text()], { type: 'text/markdown' });
      const link = el('a', { href: URL.createObjectURL(blob), download: 'database-library-decision.md' });
      document.body.append(link);
      link.click();
      link.remove();
    } catch (error) {
      $('detail').replaceChildren(el('p', { class: 'error' }, error.message));
    }
  }

  // ---- start ----

  async function start() {
    try {
      state.questionnaire = await call('GET', '/api/v1/questionnaire');
    } catch (error) {
      $('live').textContent = 'The questionnaire could not be loaded: ' + error.message;
      return;
    }
    readUrl();
    renderForm();
    performance.mark('dbpick:questions');
    $('reset').addEventListener('click', () => {
      state.answers = {};
      state.extra = {};
      $('form-error').hidden = true;
      changed();
    });
    $('copy-link').addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(window.location.href);
        $('live').textContent = 'Link copied: it opens this page with these answers.';
      } catch (error) {
        $('live').textContent = 'Copy this address to share the answers: ' + window.location.href;
      }
    });
    window.addEventListener('popstate', () => {
      readUrl();
      refreshForm();
      update();
    });
    update();
  }

  document.addEventListener('DOMContentLoaded', start);
})();
