// Support console: plain DOM, no framework, no inline script (the page's Content-Security-Policy forbids it).
// Every value from the API reaches the page through textContent or an attribute, never through innerHTML.
'use strict';

(() => {
    const STAFF_ROLES = ['SUPPORT', 'ADMIN'];
    const PAGE_SIZE = 20;
    const MAX_ORDER_PAGES = 5;
    const MAX_ORDERS_SHOWN = 20;
    const CATEGORIES = ['ACCOUNT', 'PROFILE', 'ADDRESS', 'CONSENT', 'IDENTITY', 'PAYMENT_METHOD', 'POINTS', 'GRADE',
        'CART', 'ORDER', 'PAYMENT', 'REFUND', 'CLAIM', 'SECURITY', 'PRIVACY', 'OTHER'];
    const SESSION_KEY = 'jangteo.support.session';

    const MEMBER_FIELDS = `fragment MemberFields on Member {
        id status role email name phone registeredAt withdrawnAt erased version
        grade { code name }
        addresses { id label recipient phone country postcode line1 line2 city region isDefault }
    }`;
    const ENTRY_FIELDS = `eventId aggregateType aggregateId sequenceNumber eventType occurredAt
        actor { id role } clientIp userAgent requestId correlationId causationId`;

    const $ = (testId) => document.querySelector(`[data-testid="${testId}"]`);
    const state = { session: null, member: null, timeline: { before: null, filter: null }, timelineGeneration: 0 };

    // ---- GraphQL over HTTP ------------------------------------------------------------------------------------

    class ApiError extends Error {
        constructor(message, code) {
            super(message);
            this.code = code;
        }
    }

    async function graphql(query, variables) {
        const headers = { 'Content-Type': 'application/json', 'Accept': 'application/graphql-response+json, application/json' };
        if (state.session) {
            headers.Authorization = 'Bearer ' + state.session.accessToken;
        }
        let response;
        try {
            response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
        } catch (e) {
            throw new ApiError('The server did not answer: ' + e.message, 'NETWORK');
        }
        if (response.status === 401) {
            // an expired or revoked token is refused before GraphQL, without a GraphQL body
            signOut('Your session has ended; please sign in again.');
            throw new ApiError('Your session has ended; please sign in again.', 'UNAUTHENTICATED');
        }
        let body;
        try {
            body = await response.json();
        } catch (e) {
            throw new ApiError('Unexpected answer from the server (HTTP ' + response.status + ')', 'HTTP');
        }
        if (body.errors && body.errors.length) {
            const first = body.errors[0];
            const code = first.extensions && first.extensions.code;
            if (code === 'UNAUTHENTICATED' || response.status === 401) {
                signOut('Your session has ended; please sign in again.');
            }
            throw new ApiError(first.message + (code ? ' (' + code + ')' : ''), code);
        }
        return body.data;
    }

    // ---- small DOM helpers --------------------------------------------------------------------------------------

    function el(tag, attributes, ...children) {
        const node = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes || {})) {
            if (value !== undefined && value !== null) {
                node.setAttribute(name, value);
            }
        }
        for (const child of children) {
            if (child === null || child === undefined) continue;
            node.append(child instanceof Node ? child : String(child));
        }
        return node;
    }

    function show(node, visible) {
        node.hidden = !visible;
    }

    function showError(testId, error) {
        const node = $(testId);
        node.textContent = error ? (error.message || String(error)) : '';
        show(node, Boolean(error));
    }

    function facts(dl, pairs) {
        dl.replaceChildren();
        for (const [label, value, testId] of pairs) {
            dl.append(el('dt', {}, label),
                el('dd', { 'data-testid': testId }, value === null || value === undefined || value === '' ? '—' : value));
        }
    }

    // datetime-local inputs carry no zone; the page labels them UTC and sends them so
    function utcInstant(localValue) {
        if (!localValue) return null;
        const withSeconds = /T\d{2}:\d{2}$/.test(localValue) ? localValue + ':00' : localValue;
        const date = new Date(withSeconds + 'Z');
        if (Number.isNaN(date.getTime())) {
            throw new ApiError('Not a date and time: ' + localValue, 'BAD_INPUT');
        }
        return date.toISOString();
    }

    function formatAddress(a) {
        const parts = [a.label ? '[' + a.label + ']' : null, a.recipient, a.phone, a.country, a.postcode, a.line1,
            a.line2, a.city, a.region].filter((p) => p);
        return parts.join(' · ') + (a.isDefault ? ' (default)' : '');
    }

    function addressList(ul, addresses) {
        ul.replaceChildren();
        if (addresses === null || addresses === undefined) {
            ul.append(el('li', { class: 'hint' }, 'not available'));
            return;
        }
        if (!addresses.length) {
            ul.append(el('li', { class: 'hint' }, 'no addresses'));
        }
        for (const a of addresses) {
            ul.append(el('li', { 'data-testid': 'address' }, formatAddress(a)));
        }
    }

    function memberFacts(m) {
        return [
            ['Name', m.name, 'member-name'],
            ['E-mail', m.email, 'member-email'],
            ['Phone', m.phone, 'member-phone'],
            ['Status', m.status, 'member-status'],
            ['Role', m.role, 'member-role'],
            ['Grade', m.grade ? m.grade.name + ' (' + m.grade.code + ')' : null, 'member-grade'],
            ['Registered', m.registeredAt, 'member-registered'],
            ['Version', m.version, 'member-version'],
        ];
    }

    function money(m) {
        return m ? m.amount + ' ' + m.currency : '—';
    }

    // ---- session ------------------------------------------------------------------------------------------------

    function restoreSession() {
        try {
            const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
            if (saved && saved.accessToken && STAFF_ROLES.includes(saved.role)
                && (!saved.expiresAt || Date.parse(saved.expiresAt) > Date.now())) {
                return saved;
            }
        } catch (e) {
            // a damaged entry is as good as none
        }
        sessionStorage.removeItem(SESSION_KEY);
        return null;
    }

    function enterConsole() {
        $('session-user').textContent = state.session.email;
        $('session-role').textContent = state.session.role;
        show($('session'), true);
        show($('sign-in'), false);
        show($('console'), true);
        $('search-input').focus();
    }

    function signOut(message) {
        state.session = null;
        state.member = null;
        sessionStorage.removeItem(SESSION_KEY);
        show($('session'), false);
        show($('console'), false);
        show($('sign-in'), true);
        for (const id of ['member-panel', 'asof-section', 'timeline-section', 'entry-detail', 'correlation-panel']) {
            show($(id), false);
        }
        showError('sign-in-error', message ? new Error(message) : null);
    }

    async function signIn(event) {
        event.preventDefault();
        const form = event.target;
        showError('sign-in-error', null);
        const email = form.email.value.trim();
        const password = form.password.value;
        state.session = null;
        try {
            const data = await graphql(`mutation($input: LogInInput!) {
                logIn(input: $input) {
                    accessToken accessTokenExpiresAt lockedUntil
                    member { id role }
                    errors { code message }
                }
            }`, { input: { email, password } });
            const result = data.logIn;
            if (result.errors.length) {
                throw new Error(result.errors.map((e) => e.message).join('; ')
                    + (result.lockedUntil ? ' (locked until ' + result.lockedUntil + ' UTC)' : ''));
            }
            const role = result.member && result.member.role;
            if (!STAFF_ROLES.includes(role)) {
                // the API refuses these callers anyway; say so at once rather than fail on every query
                throw new Error('This console is for support staff and admins; the account ' + email
                    + ' has the role ' + (role || 'unknown') + '.');
            }
            state.session = { accessToken: result.accessToken, expiresAt: result.accessTokenExpiresAt, email, role };
            sessionStorage.setItem(SESSION_KEY, JSON.stringify(state.session));
            form.password.value = '';
            enterConsole();
        } catch (e) {
            showError('sign-in-error', e);
        }
    }

    // ---- search and the member ---------------------------------------------------------------------------------

    function searchKind(q) {
        if (q.includes('@')) return 'email';
        if (/^\+?[0-9][0-9\-\s]{6,}$/.test(q)) return 'phone';
        return 'id';
    }

    async function search(event) {
        event.preventDefault();
        const q = $('search-input').value.trim();
        const results = $('search-results');
        showError('search-error', null);
        results.replaceChildren();
        show(results, false);
        if (!q) return;
        try {
            const kind = searchKind(q);
            let found;
            if (kind === 'id') {
                const data = await graphql(`query($id: ID!) { member(id: $id) { ...MemberFields } } ${MEMBER_FIELDS}`,
                    { id: q });
                found = data.member ? [data.member] : [];
            } else {
                const data = await graphql(`query($filter: MemberFilter) {
                    members(filter: $filter, first: 20) { totalCount edges { node { ...MemberFields } } }
                } ${MEMBER_FIELDS}`, { filter: { [kind]: q } });
                found = data.members.edges.map((e) => e.node);
            }
            if (!found.length) {
                throw new Error('No member with that ' + (kind === 'id' ? 'id' : kind === 'email' ? 'e-mail' : 'phone') + '.');
            }
            if (found.length === 1) {
                await openMember(found[0]);
                return;
            }
            for (const m of found) {
                const button = el('button', { type: 'button', 'data-testid': 'search-result' },
                    (m.name || '—') + ' · ' + (m.email || '—') + ' · ' + m.status + ' · ' + m.id);
                button.addEventListener('click', () => openMember(m));
                results.append(el('li', {}, button));
            }
            show(results, true);
        } catch (e) {
            showError('search-error', e);
        }
    }

    async function openMember(member) {
        state.member = member;
        $('member-id').textContent = member.id;
        facts($('member-facts'), memberFacts(member));
        addressList($('member-addresses'), member.addresses);
        show($('member-panel'), true);
        show($('asof-section'), true);
        show($('asof-panel'), false);
        showError('asof-error', null);
        show($('entry-detail'), false);
        show($('correlation-panel'), false);
        show($('timeline-section'), true);
        clearTimelineFilter();
        await loadTimeline(true);
    }

    // ---- timeline -----------------------------------------------------------------------------------------------

    function clearTimelineFilter() {
        for (const input of document.querySelectorAll('[data-testid="timeline-categories"] input')) {
            input.checked = false;
        }
        $('timeline-from').value = '';
        $('timeline-to').value = '';
    }

    function timelineFilter() {
        const categories = [...document.querySelectorAll('[data-testid="timeline-categories"] input:checked')]
            .map((input) => input.value);
        return {
            categories: categories.length ? categories : null,
            from: utcInstant($('timeline-from').value),
            to: utcInstant($('timeline-to').value),
        };
    }

    async function loadTimeline(fresh) {
        const body = $('timeline');
        const generation = ++state.timelineGeneration;
        showError('timeline-error', null);
        if (fresh) {
            body.replaceChildren();
            state.timeline = { before: null, filter: null };
        }
        try {
            if (fresh) {
                state.timeline.filter = timelineFilter();
            }
            const data = await graphql(`query($memberId: ID!, $filter: TimelineFilter, $last: Int, $before: String) {
                memberTimeline(memberId: $memberId, filter: $filter, last: $last, before: $before) {
                    totalCount
                    pageInfo { hasPreviousPage startCursor }
                    edges { node {
                        eventId occurredAt category summary eventType aggregateType aggregateId sequenceNumber
                        actor { id role } clientIp userAgent requestId correlationId
                    } }
                }
            }`, { memberId: state.member.id, filter: state.timeline.filter, last: PAGE_SIZE, before: state.timeline.before });
            if (generation !== state.timelineGeneration) return; // a newer load owns the table
            const page = data.memberTimeline;
            // the connection runs oldest first; the page shows the newest on top
            for (const edge of [...page.edges].reverse()) {
                body.append(timelineRow(edge.node));
            }
            state.timeline.before = page.pageInfo.startCursor;
            show($('timeline-older'), page.pageInfo.hasPreviousPage);
            $('timeline-count').textContent = body.children.length + ' shown; the timeline holds '
                + page.totalCount + ' entries in all.';
            if (!body.children.length) {
                body.append(el('tr', {}, el('td', { colspan: '5', class: 'hint' }, 'No entries match.')));
            }
        } catch (e) {
            showError('timeline-error', e);
        }
    }

    function timelineRow(entry) {
        const row = el('tr', { 'data-testid': 'timeline-entry', tabindex: '0', class: 'clickable',
                'data-event-type': entry.eventType, 'data-category': entry.category },
            el('td', { 'data-testid': 'timeline-time' }, entry.occurredAt),
            el('td', { 'data-testid': 'timeline-category' }, entry.category),
            el('td', { 'data-testid': 'timeline-summary' }, entry.summary),
            el('td', { 'data-testid': 'timeline-actor' }, actorText(entry.actor)),
            el('td', { 'data-testid': 'timeline-client' }, entry.clientIp || '—'));
        const open = () => openEntry(entry, row);
        row.addEventListener('click', open);
        row.addEventListener('keydown', (e) => {
            if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                open();
            }
        });
        return row;
    }

    function actorText(actor) {
        if (!actor) return '—';
        return (actor.role || '?') + ' ' + (actor.id || '?');
    }

    // ---- one stored event ---------------------------------------------------------------------------------------

    async function openEntry(entry, row) {
        for (const selected of document.querySelectorAll('[data-testid="timeline-entry"].selected')) {
            selected.classList.remove('selected');
        }
        row.classList.add('selected');
        const detail = $('entry-detail');
        $('entry-type').textContent = entry.eventType;
        const payload = $('entry-payload');
        payload.textContent = 'loading…';
        facts($('entry-metadata'), []);
        show(detail, true);
        try {
            const data = await graphql(`query($aggregateId: ID!, $sequenceNumber: Long!) {
                storedEvent(aggregateId: $aggregateId, sequenceNumber: $sequenceNumber) { ${ENTRY_FIELDS} payload }
            }`, { aggregateId: entry.aggregateId, sequenceNumber: entry.sequenceNumber });
            const event = data.storedEvent;
            if (!event) {
                payload.textContent = 'The event store has no such event.';
                return;
            }
            renderMetadata($('entry-metadata'), event, entry.category);
            payload.textContent = prettyJson(event.payload);
        } catch (e) {
            payload.textContent = 'Could not read the event: ' + e.message;
        }
        detail.scrollIntoView({ block: 'nearest' });
    }

    function renderMetadata(dl, event, category) {
        facts(dl, [
            ['Event id', event.eventId, 'meta-event-id'],
            ['Event type', event.eventType, 'meta-event-type'],
            ['Category', category, 'meta-category'],
            ['Occurred (UTC)', event.occurredAt, 'meta-occurred-at'],
            ['Aggregate', event.aggregateType + ' ' + event.aggregateId, 'meta-aggregate'],
            ['Sequence number', event.sequenceNumber, 'meta-sequence'],
            ['Actor', actorText(event.actor), 'meta-actor'],
            ['Client address', event.clientIp, 'meta-client-ip'],
            ['User agent', event.userAgent, 'meta-user-agent'],
            ['Request id', event.requestId, 'meta-request-id'],
            ['Correlation id', null, 'meta-correlation-id'],
            ['Causation id', event.causationId, 'meta-causation-id'],
        ]);
        if (event.correlationId) {
            const link = el('a', { href: '#correlation', 'data-testid': 'correlation-link' }, event.correlationId);
            link.addEventListener('click', (e) => {
                e.preventDefault();
                followCorrelation(event.correlationId);
            });
            dl.querySelector('[data-testid="meta-correlation-id"]').replaceChildren(link);
        }
    }

    function prettyJson(text) {
        if (text === null || text === undefined) return '(the stored event cannot be read)';
        try {
            return JSON.stringify(JSON.parse(text), null, 2);
        } catch (e) {
            return text;
        }
    }

    // ---- one request --------------------------------------------------------------------------------------------

    async function followCorrelation(correlationId) {
        const panel = $('correlation-panel');
        const list = $('correlation-events');
        $('correlation-id').textContent = correlationId;
        $('correlation-count').textContent = 'loading…';
        showError('correlation-error', null);
        list.replaceChildren();
        show(panel, true);
        try {
            const data = await graphql(`query($filter: AuditLogFilter) {
                auditLog(filter: $filter, first: 100) {
                    totalCount
                    edges { node {
                        event { ${ENTRY_FIELDS} }
                        changes { field before after erased }
                    } }
                }
            }`, { filter: { correlationId } });
            const log = data.auditLog;
            $('correlation-count').textContent = log.totalCount + (log.totalCount === 1 ? ' event' : ' events')
                + ' in this request' + (log.edges.length < log.totalCount ? ' (first ' + log.edges.length + ' shown)' : '') + '.';
            for (const { node } of log.edges) {
                list.append(correlationItem(node));
            }
        } catch (e) {
            $('correlation-count').textContent = '';
            showError('correlation-error', e);
        }
        panel.scrollIntoView({ block: 'nearest' });
    }

    function correlationItem(node) {
        const e = node.event;
        const changes = el('table', { class: 'changes', 'data-testid': 'correlation-changes' },
            el('thead', {}, el('tr', {}, el('th', {}, 'Field'), el('th', {}, 'Before'), el('th', {}, 'After'))));
        const tbody = el('tbody');
        for (const c of node.changes) {
            tbody.append(el('tr', { 'data-testid': 'field-change' },
                el('td', {}, c.field),
                el('td', {}, c.erased ? '(erased)' : (c.before ?? '—')),
                el('td', {}, c.erased ? '(erased)' : (c.after ?? '—'))));
        }
        if (!node.changes.length) {
            tbody.append(el('tr', {}, el('td', { colspan: '3', class: 'hint' }, 'no field changes')));
        }
        changes.append(tbody);
        return el('li', { 'data-testid': 'correlation-event' },
            el('div', { class: 'head' },
                el('strong', {}, e.eventType), ' ', e.aggregateType + ' ' + e.aggregateId + ' #' + e.sequenceNumber,
                ' · ', e.occurredAt, ' · ', actorText(e.actor), ' · ', e.clientIp || '—'),
            changes);
    }

    // ---- as of an instant ---------------------------------------------------------------------------------------

    async function showAsOf(event) {
        event.preventDefault();
        showError('asof-error', null);
        const panel = $('asof-panel');
        show(panel, false);
        try {
            const asOf = utcInstant($('asof-input').value);
            if (!asOf) throw new Error('Pick a moment first.');
            const memberId = state.member.id;
            const data = await graphql(`query($id: ID!, $asOf: DateTime) {
                member(id: $id, asOf: $asOf) { ...MemberFields }
            } ${MEMBER_FIELDS}`, { id: memberId, asOf });
            const member = data.member;
            $('asof-instant').textContent = asOf;
            if (!member) throw new Error('The member did not exist yet at ' + asOf + '.');
            facts($('asof-member-facts'), memberFacts(member).map(([label, value, id]) => [label, value, 'asof-' + id]));
            addressList($('asof-addresses'), member.addresses);
            // the orders the member had placed by then are those the timeline names up to that instant
            await renderOrdersAsOf(await orderIdsUpTo(memberId, asOf), asOf);
            show(panel, true);
        } catch (e) {
            showError('asof-error', e);
        }
    }

    // the orders the member had placed by then: those their ORDER timeline entries name up to that instant
    async function orderIdsUpTo(memberId, asOf) {
        // the filter's 'to' is exclusive while asOf includes its instant
        const filter = { categories: ['ORDER'], to: new Date(Date.parse(asOf) + 1).toISOString() };
        const ids = new Set();
        let after = null;
        for (let page = 0; page < MAX_ORDER_PAGES; page++) {
            const data = await graphql(`query($id: ID!, $filter: TimelineFilter, $after: String) {
                memberTimeline(memberId: $id, filter: $filter, first: 200, after: $after) {
                    pageInfo { hasNextPage endCursor }
                    edges { node { aggregateType aggregateId } }
                }
            }`, { id: memberId, filter, after });
            const timeline = data.memberTimeline;
            for (const { node } of timeline.edges) {
                if (node.aggregateType === 'Order') ids.add(node.aggregateId);
            }
            if (!timeline.pageInfo.hasNextPage) break;
            after = timeline.pageInfo.endCursor;
        }
        return [...ids].reverse(); // newest first
    }

    async function renderOrdersAsOf(orderIds, asOf) {
        const list = $('asof-orders');
        list.replaceChildren();
        if (!orderIds.length) {
            list.append(el('li', { class: 'hint', 'data-testid': 'asof-no-orders' }, 'no orders by then'));
            return;
        }
        const shown = orderIds.slice(0, MAX_ORDERS_SHOWN);
        const orders = await Promise.all(shown.map((id) => graphql(`query($id: ID!, $asOf: DateTime) {
            order(id: $id, asOf: $asOf) {
                id status placedAt updatedAt version amountToPay { amount currency }
                lines { lineId productName quantity amount { amount currency } }
            }
        }`, { id, asOf }).then((d) => ({ id, order: d.order }), (e) => ({ id, error: e }))));
        for (const { id, order, error } of orders) {
            if (error || !order) {
                list.append(el('li', { 'data-testid': 'asof-order' }, id + ': ' + (error ? error.message : 'not visible')));
                continue;
            }
            const lines = el('ul');
            for (const line of order.lines) {
                lines.append(el('li', {}, line.productName + ' × ' + line.quantity + ' = ' + money(line.amount)));
            }
            list.append(el('li', { 'data-testid': 'asof-order' },
                el('strong', {}, order.id), ' · ', el('span', { 'data-testid': 'asof-order-status' }, order.status),
                ' · ' + money(order.amountToPay) + ' · placed ' + order.placedAt + ' · version ' + order.version, lines));
        }
        if (orderIds.length > shown.length) {
            list.append(el('li', { class: 'hint' }, (orderIds.length - shown.length) + ' older orders not shown'));
        }
    }

    // ---- wiring -------------------------------------------------------------------------------------------------

    function buildCategoryFilter() {
        const box = $('timeline-categories');
        for (const category of CATEGORIES) {
            box.append(el('label', { class: 'category' },
                el('input', { type: 'checkbox', value: category, 'data-testid': 'category-' + category }),
                ' ' + category));
        }
    }

    function start() {
        buildCategoryFilter();
        $('sign-in-form').addEventListener('submit', signIn);
        $('sign-out').addEventListener('click', () => signOut(null));
        $('search-form').addEventListener('submit', search);
        $('asof-form').addEventListener('submit', showAsOf);
        $('timeline-filter').addEventListener('submit', (e) => {
            e.preventDefault();
            loadTimeline(true);
        });
        $('timeline-filter').addEventListener('reset', (e) => {
            e.preventDefault();
            clearTimelineFilter();
            if (state.member) loadTimeline(true);
        });
        $('timeline-older').addEventListener('click', () => loadTimeline(false));
        state.session = restoreSession();
        if (state.session) {
            enterConsole();
        }
        document.body.setAttribute('data-ready', 'true');
    }

    start();
})();
