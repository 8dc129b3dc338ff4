/** A card's size on the board at zoom 1: the grid's narrowest column and a tall card's height. */
const cardWidth = 256
const cardHeight = 340
const gap = 12

/**
 * How much to enlarge the wall's cards so they fill the screen: the largest zoom (up to 2) at which
 * `count` cards still fit `width` x `height` without scrolling. A few permits are read from
 * further away that way; a full board stays at 1.
 */
export function wallZoom(count: number, width: number, height: number): number {
  if (count === 0) return 1
  for (let zoom = 2; zoom > 1; zoom -= 0.05) {
    const columns = Math.max(1, Math.floor((width / zoom + gap) / (cardWidth + gap)))
    const rows = Math.ceil(count / columns)
    if (rows * (cardHeight + gap) * zoom <= height) return Math.round(zoom * 100) / 100
  }
  return 1
}
