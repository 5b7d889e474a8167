import { serviceAccountSubjects } from '../../src/private/subjects';

describe('serviceAccountSubjects', () => {
  test('maps namespace:name to the token subject Kubernetes issues', () => {
    expect(serviceAccountSubjects(['kube-system:external-dns', 'batch:job-*'])).toEqual({
      subjects: ['system:serviceaccount:kube-system:external-dns', 'system:serviceaccount:batch:job-*'],
      problems: [],
    });
  });

  test('a namespace is a DNS label: no dots, at most 63 characters', () => {
    expect(serviceAccountSubjects(['my.ns:app']).problems).toEqual([
      'namespace "my.ns" in "my.ns:app" must be a lowercase DNS label of at most 63 characters (a-z, 0-9, "-"; "*" and "?" as wildcards)',
    ]);
    expect(serviceAccountSubjects([`${'a'.repeat(63)}:app`]).problems).toEqual([]);
    expect(serviceAccountSubjects([`${'a'.repeat(64)}:app`]).problems).toHaveLength(1);
  });

  test('a service account name is a DNS subdomain: dots allowed, at most 253 characters', () => {
    expect(serviceAccountSubjects(['ns:my.app']).problems).toEqual([]);
    expect(serviceAccountSubjects([`ns:${'a'.repeat(253)}`]).problems).toEqual([]);
    expect(serviceAccountSubjects([`ns:${'a'.repeat(254)}`]).problems).toHaveLength(1);
  });
});
