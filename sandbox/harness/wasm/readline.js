// node:readline and node:readline/promises in the WebAssembly sandbox: each line comes from
// __drona_readLine (set by the worker), which waits until the learner sends one (null at the
// end of input). Enough of Node's Interface for question(), 'line' events and for-await.
/* global __drona_readLine */
const nextLine = () => {
  const line = __drona_readLine();
  return line === null ? null : JSON.parse(line).replace(/\r?\n$/, '');
};

export class Interface {
  constructor(options = {}) {
    this.output = options.output;
    this.closed = false;
    this.listeners = new Map();
    this.reading = false;
    this.promptText = '> ';
  }

  on(event, listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    if (event === 'line') this.readEach();
    return this;
  }

  once(event, listener) {
    const wrapper = (...args) => {
      this.off(event, wrapper);
      listener(...args);
    };
    return this.on(event, wrapper);
  }

  off(event, listener) {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((entry) => entry !== listener),
    );
    return this;
  }

  emit(event, ...args) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }

  write(text) {
    if (this.output) this.output.write(String(text));
  }

  setPrompt(text) {
    this.promptText = String(text);
  }

  prompt() {
    this.write(this.promptText);
  }

  /** One line per turn of the event loop, so timers and promises run between lines as in Node. */
  readEach() {
    if (this.reading) return;
    this.reading = true;
    const step = () => {
      if (this.closed) return;
      const line = nextLine();
      if (line === null) return this.close();
      this.emit('line', line);
      setTimeout(step, 0);
    };
    setTimeout(step, 0);
  }

  question(query, options, callback) {
    const done = typeof options === 'function' ? options : callback;
    this.write(query);
    setTimeout(() => {
      const line = nextLine();
      if (line === null) this.close();
      else done(line);
    }, 0);
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    this.emit('close');
  }

  [Symbol.asyncIterator]() {
    return {
      next: async () => {
        const line = this.closed ? null : nextLine();
        if (line === null) {
          this.close();
          return { done: true, value: undefined };
        }
        return { done: false, value: line };
      },
      return: async () => {
        this.close();
        return { done: true, value: undefined };
      },
    };
  }
}

class PromisesInterface extends Interface {
  question(query) {
    return new Promise((resolve) => super.question(query, resolve));
  }
}

export const createInterface = (options) => new Interface(options);
export const promises = { createInterface: (options) => new PromisesInterface(options), Interface: PromisesInterface };
export default { createInterface, Interface, promises };
