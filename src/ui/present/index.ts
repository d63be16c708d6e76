export {offerPresenting, type Presenting, type PresentingSpec} from "./offer.ts";
export type {SlideEditor} from "./deck.ts";
export {readSlideCells} from "./read-cells.ts";
export {splitSlides, slideOf, type Slide, type SlideBlock, type SlideCell, type SlidePiece} from "./slides.ts";
export {presentCommandOf, presentKey, startPresentationState, transitionPresentation, type PresentEvent, type PresentKey, type PresentState} from "./navigation.ts";
