// A package check that failed. `step` names the check (as listed to the user); the message says
// precisely what was wrong, in words an officer can act on.
export class Refusal extends Error {
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
