// Confetti for celebrations and onboarding alike. Every burst draws on one full-window canvas, created on first use,
// that ignores the pointer and counts its bursts in data-bursts so browser tests can see that confetti ran.
import { create } from '../lib/canvas-confetti/confetti.module.mjs';

const defaults = { particleCount: 150, spread: 90, startVelocity: 45, origin: { y: 0.6 }, disableForReducedMotion: true };

let canvas = null;
let cannon = null;

function ensureCannon() {
    // Enhanced navigation may replace the body's children; a detached canvas would draw where nobody sees it.
    if (canvas?.isConnected) {
        return cannon;
    }

    canvas = document.createElement('canvas');
    canvas.dataset.testid = 'confetti-canvas';
    canvas.dataset.bursts = '0';
    canvas.setAttribute('aria-hidden', 'true');
    Object.assign(canvas.style, {
        position: 'fixed',
        inset: '0',
        width: '100%',
        height: '100%',
        pointerEvents: 'none',
        zIndex: '2000',
    });
    document.body.appendChild(canvas);
    cannon = create(canvas, { resize: true, useWorker: true });
    return cannon;
}

export function fireConfetti(options) {
    const fire = ensureCannon();
    canvas.dataset.bursts = String(Number(canvas.dataset.bursts) + 1);
    fire({ ...defaults, ...options });
}

export function prefersReducedMotion() {
    return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

// Blazor sets the muted attribute after creating the element, which leaves the muted property false; browsers only
// autoplay muted media without a click, so the property is set here before playing.
export function playMuted(video) {
    video.muted = true;
    video.play().catch(() => { /* dismissed before it started, or the browser refused: the card stays either way */ });
}

// Focus goes to a card when it appears, so keyboard and screen reader users meet it first, and comes back when the
// last card closes: to where it was, or, when that control is gone (a Done button becomes a chip), to the page's heading.
let returnFocusTo = null;

export function focusCard(card) {
    const active = document.activeElement;
    if (active && active !== document.body && !card.contains(active) && !active.closest('.celebration-region')) {
        returnFocusTo = active;
    }

    card.focus({ preventScroll: true });
}

export function restoreFocus() {
    // Focus that left the card for elsewhere (a click, a Tab away) stays where the person put it.
    const active = document.activeElement;
    if (active && active !== document.body && !active.closest('.celebration-region')) {
        returnFocusTo = null;
        return;
    }

    const target = returnFocusTo?.isConnected ? returnFocusTo : document.querySelector('#main-content h1');
    returnFocusTo = null;
    if (!target) {
        return;
    }

    if (target.tagName === 'H1' && !target.hasAttribute('tabindex')) {
        target.setAttribute('tabindex', '-1');
    }

    target.focus({ preventScroll: true });
}
